export { EnrollService, type EnrollServiceDeps, type ImportHooks, type ImportSelection, type ScanInput, type ScanOutcome } from './enroll-service.js';
export { EnrolledPhotos } from './enrolled-photos.js';
export { FILES_PER_REQUEST, type Enrollment, type EnrollmentPhoto, type EnrollmentSink, type SubmitResult } from './enrollment-sink.js';
export { ScanSessions } from './scan-sessions.js';
export { findCollection } from './find-collection.js';
export { QueuedEnrollmentSink } from './queued-enrollment-sink.js';
export { createDeskSyncWorker } from './desk-sync.js';
export { EnrolledCheck } from './enrolled-check.js';
export { importOutcomeOf } from './import-outcome.js';
