import type { HandlerTable } from '../../ipc/handler-table.js';
import { checkStaleSync } from '../../retention/stale-sync-guard.js';
import { sharedCache } from '../../services/cache/shared-cache.js';
import { resetDesk } from '../../services/desk-reset/desk-reset.js';
import { EnrolledPhotos } from '../../services/enroll/enrolled-photos.js';
import type { AppContext } from '../create-app.js';

type DeskChannels = 'desk:unsynced' | 'desk:reset' | 'desk:staleSync';

export const deskHandlers = (ctx: AppContext): Pick<HandlerTable, DeskChannels> => ({
  'desk:unsynced': () => ({ unsynced: ctx.queue.unsyncedCount() }),
  'desk:reset': (input) =>
    resetDesk(
      {
        db: ctx.db,
        queue: ctx.queue,
        sync: ctx.sync,
        cache: () => sharedCache(ctx.db, ctx.options.secretStore),
        enrolled: new EnrolledPhotos(ctx.db, () => ctx.session.lastScope()),
        secrets: ctx.options.secretStore,
        settings: ctx.settings,
        session: ctx.session,
        audit: ctx.audit,
      },
      input,
    ),
  'desk:staleSync': () => checkStaleSync(ctx.queue.status(), ctx.settings.get()),
});
