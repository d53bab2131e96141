import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SecretStore } from '../secrets/secret-store.js';
import { QueueBlobStore } from './blob-store.js';
import { csvLine } from './csv.js';
import { enqueueStaged } from './enqueue-staged.js';
import { createPhotoStaging, isStagedBlob, type PhotoStaging } from './photo-staging.js';
import { migrateQueueDb, openQueueDb } from './open-queue-db.js';
import { QueueCipher } from './queue-crypto.js';
import { checkPhotos, nonEmpty, resolveEnrollmentId, withEnrollmentId } from './enqueue-checks.js';
import { itemSecretSchema, uuidSchema, type ItemSecret } from './queue-rows.js';
import { QueueStore, retargetProblem, type StoredItem } from './queue-store.js';
import type { ScopeFilter } from './scope-filter.js';
import type {
  AddPhotosInput,
  CreatePersonInput,
  EnqueueResult,
  QueueItemState,
  QueueItemView,
  QueuePhotoInput,
  QueueStatus,
  RetargetInput,
  StagedEnqueueResult,
  StagedEnrollmentInput,
} from './queue-types.js';
import type { DeskScope } from '../../shared/domain/desk-scope.js';

/** Unreferenced blob files younger than this may belong to another process's pending commit. */
const ORPHAN_MIN_AGE_MS = 10 * 60_000;

export interface OpenQueueOptions {
  readonly dataDir: string;
  readonly secretStore: SecretStore;
  /** Clock in epoch milliseconds. */
  readonly now?: () => number;
  /**
   * The desk's open database (`<dataDir>/desk.db`, WAL, synchronous FULL), shared so one
   * connection serves the app; the queue then does not close it. By default the queue
   * opens its own.
   */
  readonly db?: Database.Database;
  /**
   * The server and account new items are made for (the signed-in one, else the last one
   * signed in). Null or absent: unscoped, adopted by the first scope that sends.
   */
  readonly scope?: () => DeskScope | null;
}

export interface ListQuery {
  readonly state?: QueueItemState;
  readonly limit: number;
  readonly offset: number;
  /** Decrypt the person's name and file names for display, and list the photos (hash, tags). */
  readonly withNames?: boolean;
  /** Only one scope's items, or only those of every other scope; all when absent. */
  readonly scope?: ScopeFilter;
  /** Only items not on the server yet (every state but done). */
  readonly unsent?: boolean;
}

/** What the sync worker needs from an open queue. */
export interface QueueEngine {
  readonly store: QueueStore;
  readonly blobs: QueueBlobStore;
  readonly cipher: QueueCipher;
  readonly now: () => number;
  notify(): void;
}

export interface EnrollmentQueue {
  enqueueCreatePerson(input: CreatePersonInput, photos: readonly QueuePhotoInput[]): Promise<EnqueueResult>;
  enqueueAddPhotos(input: AddPhotosInput, photos: readonly QueuePhotoInput[]): Promise<EnqueueResult>;
  /** Confirmed persons of a dry run, from their staged photos, in one transaction (see enqueue-staged.ts); one result per input. */
  enqueueStaged(enrollments: readonly StagedEnrollmentInput[]): Promise<readonly StagedEnqueueResult[]>;
  /** The dry run's photos, encrypted in this queue's blob store until confirmed or purged. */
  readonly staging: PhotoStaging;
  list(query: ListQuery): readonly QueueItemView[];
  /** Counts of one scope's items (and how many wait for another); of all items when no scope is given. */
  status(scope?: DeskScope | null): QueueStatus;
  /** Moves an unfinished enrollment to another collection or server (see QueueStore.retarget); throws RangeError saying why not. */
  retarget(input: RetargetInput): void;
  /** Back to ready (from quarantine or a back-off wait), optionally with corrected tags by photo SHA-256. */
  retry(itemId: string, fix?: { readonly tagsBySha256?: Readonly<Record<string, readonly string[]>> }): boolean;
  /** Drops an unfinished item and deletes its photo files. */
  discard(itemId: string): boolean;
  /**
   * A request for this item may already have reached the server (e.g. a CLI import cut off
   * mid-request): the worker reconciles with the server before sending it.
   */
  markMaybeSent(itemId: string): void;
  /** Whether a photo (by SHA-256) waits in the queue, not yet confirmed by the server; optionally in one collection. */
  hasPhoto(sha256: string, collectionId?: string): boolean;
  /** Sent or not: items whose server copy is not confirmed (quarantined ones included). */
  unsyncedCount(): number;
  /**
   * Forgets everything: every row, every photo file (staged ones too), and the key held in memory (the next
   * enqueue reads the keychain again, creating a key if a desk reset deleted it). Returns
   * the items removed.
   */
  reset(): number;
  /** Removes sent items confirmed before `before` (epoch ms) whose photo files are gone; returns how many. */
  purgeDone(before: number): number;
  exportCsv(): string;
  /** Called after every change made through this queue. */
  onChange(listener: () => void): () => void;
  readonly engine: QueueEngine;
  close(): void;
}

export async function openQueue(opts: OpenQueueOptions): Promise<EnrollmentQueue> {
  const now = opts.now ?? Date.now;
  const scopeOf = opts.scope ?? (() => null);
  const cipher = new QueueCipher(opts.secretStore);
  await cipher.unlock();
  const ownsDb = opts.db === undefined;
  const db = opts.db ?? openQueueDb(opts.dataDir);
  if (!ownsDb) migrateQueueDb(db);
  const store = new QueueStore(db, now);
  const blobs = new QueueBlobStore(opts.dataDir, cipher);
  const staging = createPhotoStaging(db, blobs, () => cipher.unlock(), now);
  const isStaged = isStagedBlob(db);
  store.recoverSyncing();
  // Staged photos are referenced too: a dry run may wait hours for its confirm.
  blobs.sweep((id) => store.isBlobReferenced(id) || isStaged(id), Date.now(), ORPHAN_MIN_AGE_MS);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of listeners) l();
  };

  const writePhotos = (photos: readonly QueuePhotoInput[]): { sha256: string; tags: readonly string[]; blobId: string }[] => {
    checkPhotos(photos);
    return photos.map((p) => ({ sha256: p.sha256, tags: [...p.tags], blobId: blobs.write(p.jpeg) }));
  };

  const insert = (item: Parameters<QueueStore['insert']>[0]): void => {
    try {
      store.insert(item);
    } catch (err) {
      for (const p of item.photos) blobs.delete(p.blobId);
      throw err;
    }
  };

  const queue: EnrollmentQueue = {
    engine: { store, blobs, cipher, now, notify },
    staging,

    async enqueueCreatePerson(input, photos) {
      await cipher.unlock();
      const enrollmentId = resolveEnrollmentId(input);
      const existing = store.findCreateByEnrollment(enrollmentId);
      if (existing !== null) return { itemId: existing.id, enrollmentId, created: false };
      const metaData = withEnrollmentId(input.metaData, enrollmentId);
      const secret: ItemSecret = { metaData, fileNames: photos.map((p) => p.fileName) };
      const stored = writePhotos(photos);
      const id = randomUUID();
      insert({
        id,
        kind: 'createPerson',
        enrollmentId,
        dependsOnEnrollmentId: null,
        collectionId: nonEmpty(input.collectionId, 'collectionId'),
        personId: null,
        secretEnc: cipher.sealJson(secret),
        scope: scopeOf(),
        photos: stored,
      });
      notify();
      return { itemId: id, enrollmentId, created: true };
    },

    async enqueueAddPhotos(input, photos) {
      await cipher.unlock();
      const dependsOn = 'dependsOnEnrollmentId' in input ? uuidSchema.parse(input.dependsOnEnrollmentId) : null;
      if (dependsOn !== null && store.findCreateByEnrollment(dependsOn) === null) {
        throw new RangeError(`No queued enrollment ${dependsOn} to add photos to.`);
      }
      const stored = writePhotos(photos);
      const id = randomUUID();
      insert({
        id,
        kind: 'addPhotos',
        enrollmentId: null,
        dependsOnEnrollmentId: dependsOn,
        collectionId: nonEmpty(input.collectionId, 'collectionId'),
        personId: 'targetPersonId' in input ? nonEmpty(input.targetPersonId, 'targetPersonId') : null,
        secretEnc: cipher.sealJson({ metaData: null, fileNames: photos.map((p) => p.fileName) } satisfies ItemSecret),
        // Photos for an enrollment still queued go where that enrollment goes.
        scope: dependsOn === null ? scopeOf() : scopeOfRow(store, dependsOn),
        photos: stored,
      });
      notify();
      return { itemId: id, enrollmentId: dependsOn, created: true };
    },

    async enqueueStaged(enrollments) {
      await cipher.unlock();
      const results = enqueueStaged({ db, store, blobs, cipher, scope: scopeOf() }, enrollments);
      if (results.some((r) => r.created)) notify();
      return results;
    },

    list(query) {
      return store.list(query).map((listed) => (listed.ok ? toView(listed.item, query.withNames === true ? cipher : null) : corruptView(listed.id, listed.reason, now())));
    },

    status(scope) {
      const c = store.counts(scope);
      return {
        counts: { ready: c.ready, syncing: c.syncing, retryWait: c.retryWait, quarantined: c.quarantined, doneToday: c.doneToday, elsewhere: c.elsewhere },
        pending: c.ready + c.syncing + c.retryWait,
        oldestPendingAgeMs: c.oldestPendingCreatedAt === null ? null : Math.max(0, now() - c.oldestPendingCreatedAt),
        lastSuccessfulSyncAt: c.lastDoneAt,
      };
    },

    retry(itemId, fix) {
      const changed = store.retry(itemId, fix?.tagsBySha256);
      if (changed) notify();
      return changed;
    },

    retarget(input) {
      const item = store.load(input.itemId);
      if (item === null) throw new RangeError('No such item in the queue.');
      const problem = retargetProblem(item);
      if (problem !== null || !store.retarget(input)) throw new RangeError(`This item cannot be moved: ${problem ?? 'it changed meanwhile.'}`);
      notify();
    },

    discard(itemId) {
      const blobIds = store.discard(itemId);
      if (blobIds === null) return false;
      for (const id of blobIds) blobs.delete(id);
      notify();
      return true;
    },

    markMaybeSent(itemId) {
      store.setInFlight(itemId, true);
    },

    hasPhoto(sha256, collectionId) {
      return store.hasPendingPhoto(sha256, collectionId);
    },

    unsyncedCount() {
      return store.unsyncedCount();
    },

    reset() {
      staging.wipe();
      const removed = store.wipe();
      blobs.clear();
      cipher.forget();
      notify();
      return removed;
    },

    purgeDone(before) {
      const removed = store.purgeDone(before);
      if (removed > 0) notify();
      return removed;
    },

    exportCsv() {
      const header = csvLine([
        'item_id', 'kind', 'state', 'enrollment_id', 'collection_id', 'person_id', 'photos', 'photos_confirmed',
        'attempts', 'last_error', 'quarantine_reason', 'created_at', 'done_at',
      ]);
      const rows: string[] = [header];
      for (let offset = 0; ; offset += 500) {
        const page = queue.list({ limit: 500, offset });
        for (const v of page) {
          rows.push(csvLine([
            v.id, v.kind, v.state, v.enrollmentId, v.collectionId, v.personId, v.photoCount, v.confirmedPhotoCount,
            v.attempts, v.lastError, v.quarantineReason, iso(v.createdAt), iso(v.doneAt),
          ]));
        }
        if (page.length < 500) return rows.join('');
      }
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close() {
      listeners.clear();
      if (ownsDb) db.close();
    },
  };
  return queue;
}

function scopeOfRow(store: QueueStore, enrollmentId: string): DeskScope | null {
  const row = store.load(store.findCreateByEnrollment(enrollmentId)?.id ?? '')?.row;
  return row?.server && row.account ? { server: row.server, account: row.account } : null;
}

function toView(item: StoredItem, cipher: QueueCipher | null): QueueItemView {
  const r = item.row;
  const view: QueueItemView = {
    id: r.id,
    kind: r.kind,
    state: r.state,
    enrollmentId: r.enrollment_id,
    dependsOnEnrollmentId: r.depends_on_enrollment_id,
    collectionId: r.collection_id,
    personId: r.person_id,
    photoCount: item.photos.length,
    confirmedPhotoCount: item.photos.filter((p) => p.confirmed === 1).length,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'retry_wait' ? r.next_attempt_at : null,
    lastError: r.last_error,
    quarantineReason: r.quarantine_reason,
    quarantineCode: r.quarantine_code,
    scope: r.server === null || r.account === null ? null : { server: r.server, account: r.account },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    doneAt: r.done_at,
  };
  if (cipher === null) return view;
  const secret = readSecret(cipher, r.secret_enc);
  const fileNames = secret?.fileNames ?? [];
  return {
    ...view,
    displayName: secret === null ? null : displayName(secret.metaData),
    fileNames,
    photos: item.photos.map((p) => ({ sha256: p.sha256, tags: p.tags, fileName: fileNames[p.position] ?? null, confirmed: p.confirmed === 1 })),
  };
}

function corruptView(id: string, reason: string, now: number): QueueItemView {
  return {
    id, kind: 'createPerson', state: 'quarantined', enrollmentId: null, dependsOnEnrollmentId: null, collectionId: '',
    personId: null, photoCount: 0, confirmedPhotoCount: 0, attempts: 0, nextAttemptAt: null, lastError: reason,
    quarantineReason: reason, quarantineCode: null, scope: null, createdAt: now, updatedAt: now, doneAt: null,
  };
}

function readSecret(cipher: QueueCipher, sealed: Buffer): ItemSecret | null {
  try {
    const parsed = itemSecretSchema.safeParse(cipher.openJson(sealed));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function displayName(metaData: Readonly<Record<string, unknown>> | null): string | null {
  const info = metaData?.['person_info'];
  if (typeof info !== 'object' || info === null) return null;
  const rec = info as Record<string, unknown>;
  const parts = ['first_name', 'middle_name', 'last_name'].map((k) => rec[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  return parts.length > 0 ? parts.join(' ') : null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
