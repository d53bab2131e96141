import type { HandlerTable } from '../../ipc/handler-table.js';
import type { AppContext } from '../create-app.js';

export const duplicatesHandlers = (ctx: AppContext): Pick<HandlerTable, 'duplicates:cleanupStatus'> => ({
  'duplicates:cleanupStatus': () => ctx.duplicateCleanups.status(),
});
