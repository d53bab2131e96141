import type Database from 'better-sqlite3';
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from '../../queue/index.js';
import { reconcileGraceFromEnv } from '../../config/reconcile-grace.js';
import { EnrolledPhotos } from './enrolled-photos.js';

/**
 * The one sync worker of a desk, as every host composes it: the app, browser mode and the
 * CLI's import and sync. The desk's record of enrolled photos learns a queued enrollment
 * once the server holds it.
 */
export function createDeskSyncWorker(opts: Omit<SyncWorkerOptions, 'onItemDone'> & { readonly db: Database.Database }): SyncWorker {
  const { db, ...worker } = opts;
  // Each item is recorded under the scope it was sent to, whoever is signed in by then.
  const enrolled = new EnrolledPhotos(db, () => null);
  return createSyncWorker({
    ...worker,
    // One default for every host (app, browser mode, CLI): the operator's setting, else the worker's.
    reconcileGraceMs: worker.reconcileGraceMs ?? reconcileGraceFromEnv(),
    onItemDone: (item) => enrolled.record(item.collectionId, { personId: item.personId, enrollmentId: item.enrollmentId ?? item.itemId }, item.sha256s, item.scope),
  });
}
