export { runRetention, type RetentionDeps, type RetentionReport } from './run-retention.js';
export { scheduleRetention, type RetentionSchedule } from './retention-scheduler.js';
export { DEFAULT_RETENTION, DAY_MS, HOUR_MS, retentionPolicyOf, type RetentionPolicy } from './retention-policy.js';
export { assertEnrollmentAllowed, checkStaleSync, DEFAULT_STALE_SYNC_WARN_HOURS, type StaleSyncVerdict } from './stale-sync-guard.js';
export { startRetention, type RetentionHost } from './start-retention.js';
