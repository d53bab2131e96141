import type { AuditAction, AuditEntry, AuditOutcome } from '../../../shared/domain/audit.js';
import { t } from '../../i18n/index.js';

export const actionLabel = (action: AuditAction): string => t(`audit.action.${action}`);
export const outcomeLabel = (outcome: AuditOutcome): string => t(`audit.outcome.${outcome}`);

const targetKeys = ['collectionId', 'personId', 'enrollmentId', 'photoId', 'analysisId', 'queueItemId'] as const;
export type TargetKey = (typeof targetKeys)[number];

/** The entry's ids with their kind, for display. */
export function entryTargets(entry: AuditEntry): readonly { readonly key: TargetKey; readonly kind: string; readonly id: string }[] {
  return targetKeys.flatMap((key) => {
    const id = entry[key];
    return id === null ? [] : [{ key, kind: t(`audit.target.${key}`), id }];
  });
}

export function entryCounts(entry: AuditEntry): string | null {
  if (entry.counts === null) return null;
  return Object.entries(entry.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
