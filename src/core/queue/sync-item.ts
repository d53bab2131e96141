import { OzApiError, OzNetworkError, type OzClient, type PersonImage, type PhotoUpload } from '../oz/index.js';
import { assertNever } from '../../shared/result.js';
import { backoffDelayMs, retryAfterFloorMs, type BackoffPolicy } from './backoff.js';
import type { QueueBlobStore } from './blob-store.js';
import { classifyFailure, errorText, type PauseCause } from './classify-error.js';
import type { QueueCipher } from './queue-crypto.js';
import { itemSecretSchema, type PhotoRow } from './queue-rows.js';
import type { QueueStore, StoredItem } from './queue-store.js';
import { MAX_FILES_PER_REQUEST } from './queue-types.js';
import { findPersonsByEnrollmentId, findPresentPhotos, uploadName } from './reconcile.js';

export interface SyncItemDeps {
  readonly store: QueueStore;
  readonly blobs: QueueBlobStore;
  readonly cipher: QueueCipher;
  readonly client: OzClient;
  readonly backoff: BackoffPolicy;
  readonly random?: () => number;
  readonly now?: () => number;
  /** How long a server may still be applying a request whose answer was lost (default 15 s). */
  readonly reconcileGraceMs?: number;
}

/**
 * A request whose answer was lost (a reset, a gateway's 5xx, a crash) may still be running on
 * the server: Oz documents no idempotency key, so the desk waits this long after the item's
 * last change before it concludes from a miss that nothing arrived, and sends again.
 */
export const DEFAULT_RECONCILE_GRACE_MS = 15_000;

/** How one attempt ended; the store already reflects it when this is returned. */
export type ItemResult =
  | { readonly kind: 'done' }
  | { readonly kind: 'retry'; readonly message: string; readonly reachedServer: boolean; readonly connectFailure: boolean }
  | { readonly kind: 'pause'; readonly reason: PauseCause; readonly message: string }
  | { readonly kind: 'quarantined'; readonly reason: string }
  | { readonly kind: 'collection-gone'; readonly collectionId: string; readonly count: number };

/**
 * One attempt at a claimed item. Exactly once: the item is marked in flight (committed)
 * before every mutating request and cleared in the transaction that records its answer,
 * so after any crash or ambiguous failure the next attempt first asks the server what
 * it already has (the person by enrollment UUID, the photos by file name).
 */
export async function syncItem(deps: SyncItemDeps, item: StoredItem): Promise<ItemResult> {
  const sending = { now: false };
  try {
    // The key may have been forgotten by a reset while another process queued this item.
    await deps.cipher.unlock();
    // The last confirming commit usually finishes the item; only a fully reconciled one needs its own.
    if (!(await runItem(deps, item, sending))) deps.store.markDone(item.row.id);
    return { kind: 'done' };
  } catch (err) {
    // A send the server refused (4xx), declined to take on (503: RFC 9110, "unable to handle the
    // request"), or that never left (no connection) was not applied, and every earlier one was
    // settled before it went: nothing is left to look for, nor to wait for. A 500, 502 or 504
    // may come after the work was done, or while it is still being done: those keep the mark.
    if (sending.now && notApplied(err)) deps.store.setInFlight(item.row.id, false);
    return settleFailure(deps, item, err);
  }
}

const notApplied = (err: unknown): boolean =>
  (err instanceof OzApiError && ((err.httpStatus >= 400 && err.httpStatus < 500) || err.httpStatus === 503)) || (err instanceof OzNetworkError && !err.ambiguous);

/** Resolves true when its last commit already marked the item done; `sending.now` while a mutating request is out. */
async function runItem(deps: SyncItemDeps, item: StoredItem, sending: { now: boolean }): Promise<boolean> {
  const { store, client } = deps;
  const { row } = item;
  const collectionId = row.collection_id;
  let personId = row.person_id;
  // Whether an earlier attempt may have reached the server (the row as it was before this claim).
  let inFlight = row.in_flight === 1;
  // Whether the stored mark is set now: the claim set it, a recorded answer clears it.
  let marked = true;
  const mark = (): void => {
    if (!marked) store.setInFlight(row.id, true);
    marked = true;
  };
  let finished = false;
  let adopted = false;
  let pending = item.photos.filter((p) => p.confirmed === 0);

  if (row.kind === 'createPerson' && personId === null) {
    if (inFlight) {
      const found = await adoptCreated(deps, item);
      if (found === null) {
        store.setInFlight(row.id, false);
        inFlight = false;
        marked = false;
      } else {
        // Adopted; which of its photos arrived is settled below, so stay "in flight".
        personId = found;
        adopted = true;
        store.confirm(row.id, personId, [], { stillInFlight: true });
      }
    }
    if (personId === null) {
      const metaData = openSecret(deps, item).metaData ?? {};
      const batch = pending.slice(0, MAX_FILES_PER_REQUEST);
      const uploads = batch.map((p) => toUpload(deps, p));
      mark();
      sending.now = true;
      const person = await client.createPerson(collectionId, { photos: uploads, metaData });
      sending.now = false;
      finished = batch.length === pending.length;
      deleteBlobs(deps, store.confirm(row.id, person.personId, confirmations(batch, person.images ?? []), { done: finished }));
      marked = false;
      personId = person.personId;
      pending = pending.slice(batch.length);
      inFlight = false;
    }
  }
  if (personId === null) throw new Error('The person these photos belong to is not known yet.');

  if (inFlight) {
    // A person just adopted holds what its create carried: a photo it lacks never went out.
    const present = await presentAfterGrace(deps, item, personId, pending, !adopted);
    const found = pending.filter((p) => present.has(p.sha256));
    deleteBlobs(deps, store.confirm(row.id, personId, found.map((p) => ({ position: p.position, personImageId: present.get(p.sha256) ?? null }))));
    marked = false;
    pending = pending.filter((p) => !present.has(p.sha256));
  }
  while (pending.length > 0) {
    const batch = pending.slice(0, MAX_FILES_PER_REQUEST);
    const uploads = batch.map((p) => toUpload(deps, p));
    mark();
    sending.now = true;
    const images = await client.addPersonImages(collectionId, personId, uploads);
    sending.now = false;
    finished = batch.length === pending.length;
    deleteBlobs(deps, store.confirm(row.id, personId, confirmations(batch, images), { done: finished }));
    marked = false;
    pending = pending.slice(batch.length);
  }
  return finished;
}

/**
 * The person an unresolved create made, if it arrived. A second copy (an earlier create
 * that landed late) is deleted before the first is adopted, so a failed delete is tried
 * again with the next attempt.
 */
async function adoptCreated(deps: SyncItemDeps, item: StoredItem): Promise<string | null> {
  const { collection_id: collectionId, enrollment_id: enrollmentId } = item.row;
  const found = await readPastGrace(deps, item, () => findPersonsByEnrollmentId(deps.client, collectionId, enrollmentId as string), (hits) => hits.length > 0);
  const [kept, ...copies] = found;
  for (const copy of copies) await deleteCopy(() => deps.client.deletePerson(collectionId, copy.personId), `person ${copy.personId}`);
  return kept?.personId ?? null;
}

/** Which pending photos the person already holds; second copies of one are deleted. */
async function presentAfterGrace(deps: SyncItemDeps, item: StoredItem, personId: string, pending: readonly PhotoRow[], mayWait: boolean): Promise<ReadonlyMap<string, string>> {
  const collectionId = item.row.collection_id;
  const wanted = new Set(pending.map((p) => p.sha256));
  const read = () => findPresentPhotos(deps.client, collectionId, personId, wanted);
  const { present, extraCopies } = mayWait ? await readPastGrace(deps, item, read, (r) => r.present.size === wanted.size) : await read();
  for (const id of extraCopies) await deleteCopy(() => deps.client.deletePersonImage(collectionId, personId, id), `photo ${id}`);
  return present;
}

/** A miss read too soon after an unresolved send: the item waits, uncounted, until the grace has passed. */
class LateAnswerWait extends Error {
  constructor(readonly untilMs: number) {
    super('Waiting for the server to finish the last send, whose answer was lost, before sending it again.');
  }
}

/**
 * A read of what an unresolved send may have made. A miss within the grace after the item's
 * last change (when its send failed, or was cut off by a crash) proves nothing yet: the
 * server may still be applying it, so the item waits for the grace to pass and reads again.
 */
async function readPastGrace<T>(deps: SyncItemDeps, item: StoredItem, read: () => Promise<T>, arrived: (result: T) => boolean): Promise<T> {
  const result = await read();
  if (arrived(result)) return result;
  const grace = deps.reconcileGraceMs ?? DEFAULT_RECONCILE_GRACE_MS;
  const now = (deps.now ?? Date.now)();
  const until = Math.min(item.row.updated_at + grace, now + grace);
  if (until > now) throw new LateAnswerWait(until);
  return result;
}

/** A copy the server refuses to delete stays (the person still has one good record); a transient failure retries the attempt. */
async function deleteCopy(remove: () => Promise<void>, what: string): Promise<void> {
  try {
    await remove();
  } catch (err) {
    if (err instanceof OzApiError && err.isNotFound) return;
    const refused = err instanceof OzApiError && err.httpStatus >= 400 && err.httpStatus < 500 && ![401, 403, 429].includes(err.httpStatus);
    if (!refused) throw err;
    console.warn(`enroll-desk queue: the server kept a second copy (${what}): ${errorText(err)}`);
  }
}

async function settleFailure(deps: SyncItemDeps, item: StoredItem, err: unknown): Promise<ItemResult> {
  const { store } = deps;
  const id = item.row.id;
  if (err instanceof LateAnswerWait) {
    // The read itself was answered: the server is reachable.
    store.deferReconcile(id, err.untilMs, item.row.updated_at, err.message);
    return { kind: 'retry', message: err.message, reachedServer: true, connectFailure: false };
  }
  const action = classifyFailure(err);
  switch (action.kind) {
    case 'retry': {
      const delay = backoffDelayMs(item.row.attempts, deps.backoff, deps.random, action.retryAfterSeconds);
      const message = errorText(err);
      store.scheduleRetry(id, delay, message, retryAfterFloorMs(action.retryAfterSeconds, deps.backoff));
      const connectFailure = err instanceof OzNetworkError && !err.ambiguous;
      return { kind: 'retry', message, reachedServer: action.reachedServer, connectFailure };
    }
    case 'pause':
      store.release(id);
      return { kind: 'pause', reason: action.reason, message: action.message };
    case 'quarantine':
      store.quarantine(id, action.reason);
      return { kind: 'quarantined', reason: action.reason };
    case 'not-found':
      return settleNotFound(deps, item, action.message);
    default:
      return assertNever(action);
  }
}

/** A 404 on a collection-scoped call: a deleted collection takes all its queued items with it. */
async function settleNotFound(deps: SyncItemDeps, item: StoredItem, message: string): Promise<ItemResult> {
  const { store, client } = deps;
  try {
    await client.getCollection(item.row.collection_id);
  } catch (err) {
    if (err instanceof OzApiError && err.isNotFound) {
      const reason = `The collection ${item.row.collection_id} no longer exists on the server.`;
      const scope = item.row.server !== null && item.row.account !== null ? { server: item.row.server, account: item.row.account } : null;
      const count = store.quarantineCollection(item.row.collection_id, scope, reason);
      return { kind: 'collection-gone', collectionId: item.row.collection_id, count };
    }
    return syncFailureAsRetry(deps, item, err);
  }
  const reason = `The person was not found on the server (${message}).`;
  store.quarantine(item.row.id, reason, 'person-gone');
  return { kind: 'quarantined', reason };
}

function syncFailureAsRetry(deps: SyncItemDeps, item: StoredItem, err: unknown): ItemResult {
  const message = errorText(err);
  deps.store.scheduleRetry(item.row.id, backoffDelayMs(item.row.attempts, deps.backoff, deps.random), message);
  return { kind: 'retry', message, reachedServer: err instanceof OzApiError, connectFailure: false };
}

function openSecret(deps: SyncItemDeps, item: StoredItem): ReturnType<typeof itemSecretSchema.parse> {
  return itemSecretSchema.parse(deps.cipher.openJson(item.row.secret_enc));
}

function toUpload(deps: SyncItemDeps, photo: PhotoRow): PhotoUpload {
  if (photo.blob_id === null) throw new Error('A queued photo has no stored file.');
  return { bytes: deps.blobs.read(photo.blob_id), fileName: uploadName(photo.sha256), mimeType: 'image/jpeg', tags: photo.tags };
}

function confirmations(batch: readonly PhotoRow[], images: readonly PersonImage[]): { position: number; personImageId: string | null }[] {
  const byName = new Map(images.map((i) => [i.originalName, i.personImageId]));
  return batch.map((p) => ({ position: p.position, personImageId: byName.get(uploadName(p.sha256)) ?? null }));
}

function deleteBlobs(deps: SyncItemDeps, blobIds: readonly string[]): void {
  for (const id of blobIds) deps.blobs.delete(id);
}
