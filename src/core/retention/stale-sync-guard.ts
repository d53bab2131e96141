import { checkStaleSync, type StaleSyncQueueStatus, type StaleSyncSettings } from '../../shared/domain/audit-stale-sync.js';
import { AppFailure } from '../errors/app-failure.js';

export { checkStaleSync, DEFAULT_STALE_SYNC_WARN_HOURS, type StaleSyncVerdict } from '../../shared/domain/audit-stale-sync.js';

/** For the enroll handlers: refuses a new enrollment when the guard says `block`. */
export function assertEnrollmentAllowed(status: StaleSyncQueueStatus, settings: StaleSyncSettings): void {
  const verdict = checkStaleSync(status, settings);
  if (verdict.level === 'block') throw new AppFailure('CONFLICT', verdict.message, { staleSync: true, pending: status.pending });
}
