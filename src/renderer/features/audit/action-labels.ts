import type { AuditAction, AuditEntry, AuditOutcome } from '../../../shared/domain/audit.js';

export const actionLabels: Readonly<Record<AuditAction, string>> = {
  signIn: 'Signed in',
  signOut: 'Signed out',
  sessionRestored: 'Session restored at start',
  collectionCreated: 'Collection created',
  collectionDeleted: 'Collection deleted',
  personCreated: 'Person enrolled',
  personDeleted: 'Person deleted',
  photoAdded: 'Photos added',
  photoDeleted: 'Photo deleted',
  analysisDeleted: 'Analysis deleted',
  importConfirmed: 'Folder import confirmed',
  queueItemRetried: 'Queue item retried',
  queueItemDiscarded: 'Queue item discarded',
  queueItemRetargeted: 'Queue item moved to another collection',
  consentConfirmed: 'Consent confirmed',
  qualityOverridden: 'Quality warning overridden',
  duplicateChecked: '1:N duplicate check',
  duplicateOverridden: 'Possible duplicate enrolled as new person',
  deskReset: "Desk's data forgotten",
  retentionPurged: 'Old data purged',
  policyApplied: 'Managed policy in force at start',
  checkpoint: 'Checkpoint (older entries purged)',
};

export const outcomeLabels: Readonly<Record<AuditOutcome, string>> = { done: 'Done', queued: 'Queued', failed: 'Failed' };

const targetNames = [
  ['collectionId', 'collection'],
  ['personId', 'person'],
  ['enrollmentId', 'enrollment'],
  ['photoId', 'photo'],
  ['analysisId', 'analysis'],
  ['queueItemId', 'queue item'],
] as const;

/** The entry's ids as `kind id` pairs, for display. */
export function entryTargets(entry: AuditEntry): readonly { readonly kind: string; readonly id: string }[] {
  return targetNames.flatMap(([key, kind]) => (entry[key] === null ? [] : [{ kind, id: entry[key] }]));
}

export function entryCounts(entry: AuditEntry): string | null {
  if (entry.counts === null) return null;
  return Object.entries(entry.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
