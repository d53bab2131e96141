import type { HandlerTable } from '../../ipc/handler-table.js';
import type { AppContext } from '../create-app.js';

export const appHandlers = (ctx: AppContext): Pick<HandlerTable, 'app:info'> => ({
  'app:info': () => ({
    name: 'Enroll Desk',
    version: ctx.options.version,
    host: ctx.options.host,
    platform: ctx.options.platform,
    deskName: ctx.settings.get().deskName,
    localSandboxAvailable: ctx.localSandboxAvailable,
    folderDialog: ctx.options.chooseFolder !== undefined,
  }),
});
