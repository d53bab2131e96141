import type { AuditLog } from '../audit/audit-log.js';
import type { EnrollmentQueue } from '../queue/index.js';
import type { DeskCache } from '../services/cache/desk-cache.js';
import { DAY_MS, type RetentionPolicy } from './retention-policy.js';

export interface RetentionDeps {
  /** The running queue and cache purge through their owners, so what they hold in memory stays in step. */
  readonly queue: Pick<EnrollmentQueue, 'purgeDone' | 'staging'>;
  readonly cache: Pick<DeskCache, 'purgeOlderThan'>;
  readonly audit: AuditLog;
  /** The checkpoint-signing key; asked for only when audit entries expire. */
  readonly auditKey: () => Promise<Buffer>;
  readonly policy: () => RetentionPolicy;
  readonly now?: () => number;
}

export interface RetentionReport {
  readonly doneQueue: number;
  readonly cache: number;
  readonly audit: number;
  readonly stagedPhotos: number;
}

/**
 * One purge: sent queue rows, stale cache rows, dry-run photos staged and never confirmed,
 * and expired audit entries (summarised in a signed checkpoint). Records what it removed, when it removed anything.
 */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const now = (deps.now ?? Date.now)();
  const policy = deps.policy();
  const doneQueue = deps.queue.purgeDone(now - policy.doneQueueDays * DAY_MS);
  const cache = deps.cache.purgeOlderThan(now - policy.cacheDays * DAY_MS);
  const stagedPhotos = deps.queue.staging.purgeOlderThan(now - policy.stagedPhotoDays * DAY_MS);
  const auditCutoff = now - policy.auditDays * DAY_MS;
  const oldest = deps.audit.oldestAt();
  const audit = oldest !== null && oldest < auditCutoff ? deps.audit.purgeBefore(auditCutoff, await deps.auditKey()).purged : 0;
  if (doneQueue + cache + audit + stagedPhotos > 0) {
    deps.audit.record({ action: 'retentionPurged', outcome: 'done', operator: null, counts: { doneQueue, cache, audit, stagedPhotos } });
  }
  return { doneQueue, cache, audit, stagedPhotos };
}
