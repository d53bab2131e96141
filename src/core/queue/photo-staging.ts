import type Database from 'better-sqlite3';
import type { QueueBlobStore } from './blob-store.js';
import { sha256Schema } from './queue-rows.js';

/** Who staged a photo: the app purges its own rows at start, the CLI at the end of its run. */
export type StagingOwner = 'app' | 'cli';

/** What a source file was when the dry run read it: confirm compares the file against it. */
export interface SourceFingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sourceSha256: string;
}

export interface StagePhotoInput {
  /** The dry run (scan session) the photo belongs to. */
  readonly sessionId: string;
  readonly owner: StagingOwner;
  /** The processed JPEG, exactly as it would be enrolled. */
  readonly jpeg: Uint8Array;
  /** Lower-case hex SHA-256 of `jpeg`. */
  readonly sha256: string;
  readonly source: SourceFingerprint;
}

/** A staged photo: its id (the blob's) and what confirm checks before queueing it. */
export interface StagedPhoto {
  readonly stagedId: string;
  readonly sha256: string;
  readonly source: SourceFingerprint;
}

/**
 * The dry run's processed photos, kept encrypted in the queue's blob store so confirm
 * needs no second pass (the queue's `enqueueStaged` moves them into items). Never
 * confirmed ones are purged: by session (cancelled or replaced), by owner (app start,
 * end of a CLI run), by age (retention) and by a desk reset.
 */
export interface PhotoStaging {
  stage(input: StagePhotoInput): Promise<StagedPhoto>;
  /** The staged JPEG (e.g. to crop it to its largest face at confirm). */
  read(stagedId: string): Buffer;
  discard(stagedIds: readonly string[]): number;
  discardSession(sessionId: string): number;
  purgeOwner(owner: StagingOwner): number;
  /** Staged before `cutoff` (epoch ms), never confirmed. */
  purgeOlderThan(cutoff: number): number;
  wipe(): number;
  count(): number;
}

/** `unlock` loads the queue key (again, after a desk reset made the queue forget it). */
export function createPhotoStaging(db: Database.Database, blobs: QueueBlobStore, unlock: () => Promise<void>, now: () => number): PhotoStaging {
  const insert = db.prepare(`INSERT INTO staged_photos
    (blob_id, session_id, owner, sha256, source_size, source_mtime_ms, source_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  // Rows go in one transaction, the files after it commits: a crash in between leaves
  // only unreferenced files, which the orphan sweep removes.
  const remove = (where: string, ...params: unknown[]): number => {
    const ids = db
      .transaction(() => {
        const rows = db.prepare(`SELECT blob_id FROM staged_photos WHERE ${where}`).all(...params) as { blob_id: string }[];
        db.prepare(`DELETE FROM staged_photos WHERE ${where}`).run(...params);
        return rows.map((r) => r.blob_id);
      })
      .immediate();
    for (const id of ids) blobs.delete(id);
    return ids.length;
  };
  return {
    async stage(input) {
      const sha256 = sha256Schema.parse(input.sha256);
      await unlock();
      const stagedId = await blobs.writeAsync(input.jpeg);
      try {
        const { size, mtimeMs, sourceSha256 } = input.source;
        insert.run(stagedId, input.sessionId, input.owner, sha256, size, mtimeMs, sha256Schema.parse(sourceSha256), now());
      } catch (err) {
        blobs.delete(stagedId);
        throw err;
      }
      return { stagedId, sha256, source: input.source };
    },
    read: (stagedId) => blobs.read(stagedId),
    discard: (stagedIds) => (stagedIds.length === 0 ? 0 : remove(`blob_id IN (${stagedIds.map(() => '?').join(', ')})`, ...stagedIds)),
    discardSession: (sessionId) => remove('session_id = ?', sessionId),
    purgeOwner: (owner) => remove('owner = ?', owner),
    purgeOlderThan: (cutoff) => remove('created_at < ?', cutoff),
    wipe: () => remove('1 = 1'),
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM staged_photos').get() as { n: number }).n,
  };
}

/** Whether a blob file belongs to a staged photo (the orphan sweep keeps it). */
export function isStagedBlob(db: Database.Database): (blobId: string) => boolean {
  const hit = db.prepare('SELECT 1 FROM staged_photos WHERE blob_id = ?');
  return (blobId) => hit.get(blobId) !== undefined;
}
