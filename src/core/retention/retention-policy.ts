import type { Settings } from '../../shared/domain/settings.js';

/** Periods in days; the defaults are the ones written down in docs/data-lifecycle.md. */
export interface RetentionPolicy {
  readonly doneQueueDays: number;
  readonly cacheDays: number;
  readonly auditDays: number;
  /** A dry run's staged photos never confirmed. */
  readonly stagedPhotoDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { doneQueueDays: 7, cacheDays: 30, auditDays: 365, stagedPhotoDays: 1 };

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export function retentionPolicyOf(settings: Pick<Settings, 'retentionDays'>): RetentionPolicy {
  const r = settings.retentionDays ?? {};
  return {
    doneQueueDays: r.doneQueue ?? DEFAULT_RETENTION.doneQueueDays,
    cacheDays: r.cache ?? DEFAULT_RETENTION.cacheDays,
    auditDays: r.audit ?? DEFAULT_RETENTION.auditDays,
    stagedPhotoDays: r.stagedPhotos ?? DEFAULT_RETENTION.stagedPhotoDays,
  };
}
