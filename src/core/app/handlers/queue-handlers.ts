import { auditErrorCode } from '../../audit/audit-error-code.js';
import { withAudit } from '../../audit/index.js';
import { retargetItem } from '../../services/queue-recovery/retarget-item.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import type { QueueItemView as CoreItemView } from '../../queue/index.js';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import type { AppContext } from '../create-app.js';
import { toPayload } from '../queue-sync.js';

type QueueChannels = 'queue:status' | 'queue:list' | 'queue:retry' | 'queue:retarget' | 'queue:discard' | 'queue:syncNow' | 'queue:exportCsv';

export const queueHandlers = (ctx: AppContext): Pick<HandlerTable, QueueChannels> => ({
  'queue:status': () => toPayload(ctx.sync.status()),
  // Signed out, the desk shows the last server and account it was signed in to.
  'queue:list': ({ state, where, unsent, limit, offset }) =>
    ctx.queue
      .list({
        ...(state === undefined ? {} : { state }),
        unsent: unsent === true,
        limit,
        offset,
        withNames: true,
        scope: { scope: ctx.session.lastScope(), where: where ?? 'here' },
      })
      .map(toItemView),
  'queue:retry': ({ itemId, tags }) => {
    const retried = audited(ctx, 'queueItemRetried', itemId, () => ctx.queue.retry(itemId, tags === undefined ? undefined : { tagsBySha256: tags }));
    return { retried };
  },
  'queue:retarget': async (input) => {
    const current = () => {
      const scope = ctx.session.scope();
      return scope === null ? null : { scope, client: ctx.session.requireClient() };
    };
    const targets = { queueItemId: input.itemId, collectionId: input.collectionId };
    await withAudit(ctx.audit, { action: 'queueItemRetargeted', targets }, () => retargetItem({ queue: ctx.queue, current }, input), (r) =>
      r.enrollmentId === null ? {} : { targets: { enrollmentId: r.enrollmentId } },
    );
    return { moved: true as const };
  },
  'queue:discard': ({ itemId }) => ({ discarded: audited(ctx, 'queueItemDiscarded', itemId, () => ctx.queue.discard(itemId)) }),
  'queue:syncNow': () => {
    // Signed out: say so rather than start a drain that can only pause.
    ctx.session.requireClient();
    void ctx.sync.syncNow();
    void ctx.duplicateCleanups.runNow();
    return toPayload(ctx.sync.status());
  },
  'queue:exportCsv': () => ({ fileName: `enroll-desk-queue-${new Date().toISOString().slice(0, 10)}.csv`, csv: ctx.queue.exportCsv() }),
});

/**
 * Runs a retry or discard and records what really happened: `done` only when the item
 * changed, otherwise `failed` with NOT_FOUND (no such item) or CONFLICT (not in a state
 * that allows it). The operator's answer stays `false` for a no-op.
 */
function audited(ctx: AppContext, action: 'queueItemRetried' | 'queueItemDiscarded', itemId: string, change: () => boolean): boolean {
  const targets = { queueItemId: itemId };
  let changed: boolean;
  try {
    changed = change();
  } catch (err) {
    ctx.audit.record({ action, targets, outcome: 'failed', errorCode: auditErrorCode(err) });
    throw err;
  }
  if (changed) ctx.audit.record({ action, targets, outcome: 'done' });
  else ctx.audit.record({ action, targets, outcome: 'failed', errorCode: ctx.queue.engine.store.load(itemId) === null ? 'NOT_FOUND' : 'CONFLICT' });
  return changed;
}

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
    quarantineCode: v.quarantineCode,
    scope: v.scope,
    createdAt: v.createdAt,
    doneAt: v.doneAt,
    photos: v.photos ?? [],
  };
}
