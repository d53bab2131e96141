export { openQueue, type EnrollmentQueue, type ListQuery, type OpenQueueOptions, type QueueEngine } from './enrollment-queue.js';
export { createSyncWorker, type SyncNowOptions, type SyncReport, type SyncStop, type SyncWorker, type SyncWorkerOptions } from './sync-worker.js';
export { backoffDelayMs, defaultBackoff, type BackoffPolicy } from './backoff.js';
export { DESK_DB_FILE, openQueueDb } from './open-queue-db.js';
export { BLOB_DIR } from './blob-store.js';
export { QueueDecryptError } from './queue-crypto.js';
export type * from './queue-types.js';
export { MAX_FILES_PER_REQUEST, queueItemKinds, queueItemStates } from './queue-types.js';
export type { PhotoStaging, SourceFingerprint, StagedPhoto, StagingOwner } from './photo-staging.js';
