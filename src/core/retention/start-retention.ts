import type { Settings } from '../../shared/domain/settings.js';
import { auditErrorCode } from '../audit/audit-error-code.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { EnrollmentQueue } from '../queue/index.js';
import type { DeskCache } from '../services/cache/desk-cache.js';
import { HOUR_MS, retentionPolicyOf } from './retention-policy.js';
import { scheduleRetention, type RetentionSchedule } from './retention-scheduler.js';
import { runRetention } from './run-retention.js';

export interface RetentionHost {
  readonly queue: Pick<EnrollmentQueue, 'purgeDone' | 'staging'>;
  /** The shared desk cache (its key is loaded on first use). */
  readonly cache: () => Promise<Pick<DeskCache, 'purgeOlderThan'>>;
  readonly audit: AuditLog;
  readonly settings: { get(): Settings };
}

/**
 * The app's purge: at start and hourly (a dry run's staged photos keep to their period
 * within the hour); a failed run is recorded, the next one tries again.
 */
export function startRetention(host: RetentionHost, auditKey: () => Promise<Buffer>): RetentionSchedule {
  return scheduleRetention(
    async () =>
      runRetention({ queue: host.queue, cache: await host.cache(), audit: host.audit, auditKey, policy: () => retentionPolicyOf(host.settings.get()) }),
    (err) => {
      try {
        host.audit.record({ action: 'retentionPurged', outcome: 'failed', errorCode: auditErrorCode(err), operator: null });
      } catch {
        // The database is closed (the app is stopping): nothing left to record into.
      }
    },
    HOUR_MS,
  );
}
