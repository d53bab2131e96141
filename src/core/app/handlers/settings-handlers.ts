import type { HandlerTable } from '../../ipc/handler-table.js';
import type { AppContext } from '../create-app.js';

export const settingsHandlers = (ctx: AppContext): Pick<HandlerTable, 'settings:get' | 'settings:set'> => ({
  'settings:get': () => ctx.settings.get(),
  'settings:set': (patch) => ctx.settings.update(patch),
});
