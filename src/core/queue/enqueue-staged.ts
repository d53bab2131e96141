import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DeskScope } from '../../shared/domain/desk-scope.js';
import type { QueueBlobStore } from './blob-store.js';
import { checkPhotos, nonEmpty, resolveEnrollmentId, withEnrollmentId } from './enqueue-checks.js';
import type { QueueCipher } from './queue-crypto.js';
import type { ItemSecret } from './queue-rows.js';
import type { NewItem, QueueStore } from './queue-store.js';
import { MAX_FILES_PER_REQUEST, type StagedEnqueueResult, type StagedEnrollmentInput, type StagedQueuePhoto } from './queue-types.js';

export interface StagedEnqueueContext {
  readonly db: Database.Database;
  readonly store: QueueStore;
  readonly blobs: QueueBlobStore;
  readonly cipher: QueueCipher;
  readonly scope: DeskScope | null;
}

type StoredPhoto = NewItem['photos'][number] & { readonly fileName: string };

/**
 * Turns confirmed persons into queue items in ONE transaction: each staged photo's row
 * moves from `staged_photos` to `queue_photos` (its encrypted file stays where it is), so
 * nothing is decoded, re-encrypted or fsynced per photo. Only new bytes (crops made at
 * confirm) are written, before the transaction, and removed again if it fails.
 */
export function enqueueStaged(ctx: StagedEnqueueContext, enrollments: readonly StagedEnrollmentInput[]): readonly StagedEnqueueResult[] {
  const checked = enrollments.map(checkEnrollment);
  const written = new Map<StagedQueuePhoto, string>();
  try {
    for (const e of checked) for (const p of e.photos) if ('jpeg' in p) written.set(p, ctx.blobs.write(p.jpeg));
    const used = new Set<string>();
    const take = ctx.db.prepare('DELETE FROM staged_photos WHERE blob_id = ? AND sha256 = ?');
    const results = ctx.db
      .transaction(() =>
        checked.map((e) => {
          const photos: StoredPhoto[] = [];
          const missing: string[] = [];
          const existing = 'enrollmentId' in e ? ctx.store.findCreateByEnrollment(e.enrollmentId) : null;
          if (existing !== null) return { itemIds: [existing.id], missing, created: false };
          for (const p of e.photos) {
            const blobId = 'stagedId' in p ? (take.run(p.stagedId, p.sha256).changes === 1 ? p.stagedId : null) : (written.get(p) ?? null);
            if (blobId === null) missing.push(p.sha256);
            else photos.push({ sha256: p.sha256, tags: [...p.tags], blobId, fileName: p.fileName });
          }
          for (const p of photos) used.add(p.blobId);
          return { itemIds: photos.length === 0 ? [] : insertItems(ctx, e, photos), missing, created: photos.length > 0 };
        }),
      )
      .immediate();
    for (const [, id] of written) if (!used.has(id)) ctx.blobs.delete(id);
    return results;
  } catch (err) {
    for (const [, id] of written) ctx.blobs.delete(id);
    throw err;
  }
}

function checkEnrollment(e: StagedEnrollmentInput): StagedEnrollmentInput {
  nonEmpty(e.collectionId, 'collectionId');
  checkPhotos(e.photos.map((p) => ({ sha256: p.sha256, fileName: p.fileName, ...('jpeg' in p ? { jpeg: p.jpeg } : {}) })));
  if ('targetPersonId' in e) return { ...e, targetPersonId: nonEmpty(e.targetPersonId, 'targetPersonId') };
  const enrollmentId = resolveEnrollmentId({ metaData: e.metaData, enrollmentId: e.enrollmentId });
  return { ...e, enrollmentId, metaData: withEnrollmentId(e.metaData, enrollmentId) };
}

/** As the per-person path: the person item takes 10 photos, add-photo items depending on its enrollment the rest. */
function insertItems(ctx: StagedEnqueueContext, e: StagedEnrollmentInput, photos: readonly StoredPhoto[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < photos.length; i += MAX_FILES_PER_REQUEST) {
    const batch = photos.slice(i, i + MAX_FILES_PER_REQUEST);
    const creates = i === 0 && 'enrollmentId' in e;
    const secret: ItemSecret = { metaData: creates ? e.metaData : null, fileNames: batch.map((p) => p.fileName) };
    const id = randomUUID();
    ctx.store.insert({
      id,
      kind: creates ? 'createPerson' : 'addPhotos',
      enrollmentId: creates ? e.enrollmentId : null,
      dependsOnEnrollmentId: 'enrollmentId' in e && !creates ? e.enrollmentId : null,
      collectionId: e.collectionId,
      personId: 'targetPersonId' in e ? e.targetPersonId : null,
      secretEnc: ctx.cipher.sealJson(secret),
      scope: ctx.scope,
      photos: batch.map(({ sha256, tags, blobId }) => ({ sha256, tags, blobId })),
    });
    ids.push(id);
  }
  return ids;
}
