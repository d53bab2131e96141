import type { HandlerTable } from '../../ipc/handler-table.js';
import { unsyncedCount } from '../../retention/desk-tables.js';
import { checkStaleSync } from '../../retention/stale-sync-guard.js';
import { resetDesk } from '../../services/desk-reset/desk-reset.js';
import type { AppContext } from '../create-app.js';

type DeskChannels = 'desk:unsynced' | 'desk:reset' | 'desk:staleSync';

export const deskHandlers = (ctx: AppContext): Pick<HandlerTable, DeskChannels> => ({
  'desk:unsynced': () => ({ unsynced: unsyncedCount(ctx.db) }),
  'desk:reset': (input) =>
    resetDesk(
      {
        dataDir: ctx.options.dataDir,
        db: ctx.db,
        secrets: ctx.options.secretStore,
        settings: ctx.settings,
        session: ctx.session,
        audit: ctx.audit,
      },
      input,
    ),
  'desk:staleSync': () => checkStaleSync(ctx.queue.status(), ctx.settings.get()),
});
