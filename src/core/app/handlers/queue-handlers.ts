import { withAudit } from '../../audit/index.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import type { QueueItemView as CoreItemView } from '../../queue/index.js';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import type { AppContext } from '../create-app.js';
import { toPayload } from '../queue-sync.js';

type QueueChannels = 'queue:status' | 'queue:list' | 'queue:retry' | 'queue:discard' | 'queue:syncNow' | 'queue:exportCsv';

export const queueHandlers = (ctx: AppContext): Pick<HandlerTable, QueueChannels> => ({
  'queue:status': () => toPayload(ctx.sync.status()),
  'queue:list': ({ state, limit, offset }) =>
    ctx.queue.list({ ...(state === undefined ? {} : { state }), limit, offset, withNames: true }).map(toItemView),
  'queue:retry': ({ itemId, tags }) =>
    withAudit(
      ctx.audit,
      { action: 'queueItemRetried', targets: { queueItemId: itemId } },
      () => ({ retried: ctx.queue.retry(itemId, tags === undefined ? undefined : { tagsBySha256: tags }) }),
    ),
  'queue:discard': ({ itemId }) =>
    withAudit(ctx.audit, { action: 'queueItemDiscarded', targets: { queueItemId: itemId } }, () => ({ discarded: ctx.queue.discard(itemId) })),
  'queue:syncNow': () => {
    // Signed out: say so rather than start a drain that can only pause.
    ctx.session.requireClient();
    void ctx.sync.syncNow();
    return toPayload(ctx.sync.status());
  },
  'queue:exportCsv': () => ({ fileName: `enroll-desk-queue-${new Date().toISOString().slice(0, 10)}.csv`, csv: ctx.queue.exportCsv() }),
});

function toItemView(v: CoreItemView): QueueItemView {
  return {
    id: v.id,
    kind: v.kind,
    state: v.state,
    collectionId: v.collectionId,
    personId: v.personId,
    displayName: v.displayName ?? null,
    photoCount: v.photoCount,
    confirmedPhotoCount: v.confirmedPhotoCount,
    attempts: v.attempts,
    nextAttemptAt: v.nextAttemptAt,
    lastError: v.lastError,
    quarantineReason: v.quarantineReason,
    createdAt: v.createdAt,
    doneAt: v.doneAt,
    photos: v.photos ?? [],
  };
}
