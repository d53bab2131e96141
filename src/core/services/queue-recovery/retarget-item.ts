import { sameScope, type DeskScope } from '../../../shared/domain/desk-scope.js';
import type { QueueRetargetInput } from '../../../shared/domain/queue.js';
import { AppFailure } from '../../errors/app-failure.js';
import { OzApiError, type OzClient } from '../../oz/index.js';
import type { EnrollmentQueue } from '../../queue/index.js';
import { findPersonByEnrollmentId } from '../../queue/reconcile.js';

export interface RetargetDeps {
  readonly queue: EnrollmentQueue;
  /** The signed-in scope and its client, or null when nobody is signed in. */
  readonly current: () => { readonly scope: DeskScope; readonly client: OzClient } | null;
}

/**
 * Moves an unsent enrollment to another collection, on its own server or the one signed
 * in now. The target collection is checked on the server when the desk is signed in to
 * it; an enrollment that may already be on its old server (a request was cut off) is
 * looked up there first, so moving never makes a second person.
 */
export async function retargetItem(deps: RetargetDeps, input: QueueRetargetInput): Promise<{ readonly enrollmentId: string | null }> {
  const item = deps.queue.engine.store.load(input.itemId);
  if (item === null) throw new AppFailure('NOT_FOUND', 'This item is no longer in the queue.');
  const current = deps.current();
  const own = item.row.server !== null && item.row.account !== null ? { server: item.row.server, account: item.row.account } : null;
  if (input.toCurrentServer && current === null) throw new AppFailure('NOT_SIGNED_IN', 'Sign in to the server the item should go to first.');
  const target = input.toCurrentServer ? (current?.scope ?? null) : (own ?? current?.scope ?? null);
  if (target === null) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first: the item has no server yet.');
  if (sameScope(target, own) && input.collectionId === item.row.collection_id) {
    throw new AppFailure('BAD_INPUT', 'The item is already meant for this collection: choose another one, or retry it.', { field: 'collectionId' });
  }
  if (current !== null && sameScope(target, current.scope)) await checkCollection(current.client, input.collectionId);
  // A request of an earlier attempt was cut off: the enrollment may be on its own server
  // already (a deleted collection took it with it). Moving it then would make a second person.
  if (item.row.in_flight === 1 && item.row.enrollment_id !== null && item.row.quarantine_code !== 'collection-gone') {
    if (current === null || own === null || own.server !== current.scope.server) throw mayHaveArrived(own);
    await refuseIfArrived(current.client, item.row.collection_id, item.row.enrollment_id);
  }
  try {
    deps.queue.retarget({ itemId: input.itemId, collectionId: input.collectionId, scope: target });
  } catch (err) {
    if (err instanceof RangeError) throw new AppFailure('CONFLICT', err.message);
    throw err;
  }
  return { enrollmentId: item.row.enrollment_id };
}

function mayHaveArrived(own: DeskScope | null): AppFailure {
  const where = own === null ? 'its server' : own.server;
  return new AppFailure(
    'CONFLICT',
    `A request of this enrollment to ${where} was cut off, so it may have arrived there already. Sign in to ${where} once: the desk checks, and sends it or lets you move it.`,
    { reason: 'may_have_arrived', server: where },
  );
}

async function checkCollection(client: OzClient, collectionId: string): Promise<void> {
  try {
    await client.getCollection(collectionId);
  } catch (err) {
    if (err instanceof OzApiError && err.isNotFound) {
      throw new AppFailure('NOT_FOUND', 'That collection does not exist on the server: choose one from the list.', { field: 'collectionId' });
    }
    // Unreachable or refused for now: the queue retries, and quarantines if the collection is wrong after all.
  }
}

async function refuseIfArrived(client: OzClient, collectionId: string, enrollmentId: string): Promise<void> {
  const found = await findPersonByEnrollmentId(client, collectionId, enrollmentId).catch(() => {
    throw new AppFailure('NETWORK', 'The server could not say whether this enrollment already arrived in its collection; try again when it answers.');
  });
  if (found !== null) {
    throw new AppFailure('CONFLICT', `This enrollment already arrived in its collection (person ${found.personId}): retry it instead of moving it.`);
  }
}
