import type { AuditOutcome } from '../../shared/domain/audit.js';
import { auditErrorCode } from './audit-error-code.js';
import type { AuditRecorder } from './audit-log.js';

interface ConsentLike {
  readonly confirmed: boolean;
}

interface PersonResultLike {
  readonly status: 'enrolled' | 'queued' | 'failed' | 'skipped';
  readonly enrollmentId: string | null;
  readonly personId: string | null;
  readonly itemId: string | null;
  readonly photos: readonly unknown[];
}

interface ImportOutcomeLike {
  readonly collectionId: string;
  readonly counts: { readonly enrolled: number; readonly queued: number; readonly failed: number; readonly skipped: number; readonly photos: number };
  readonly results: readonly PersonResultLike[];
}

const idOrUndefined = (value: string | null): string | undefined => (value === null || value === '' ? undefined : value);

function recordConsent(audit: AuditRecorder, consent: ConsentLike, collectionId?: string): void {
  if (!consent.confirmed) return;
  audit.record({ action: 'consentConfirmed', targets: collectionId === undefined ? {} : { collectionId }, outcome: 'done' });
}

/** One `personCreated` entry for a person the desk enrolled or queued (ids only). */
function recordPerson(audit: AuditRecorder, collectionId: string, result: PersonResultLike): void {
  const status = result.status;
  if (status === 'skipped') return;
  const outcome: AuditOutcome = status === 'enrolled' ? 'done' : status;
  audit.record({
    action: 'personCreated',
    targets: {
      collectionId,
      personId: idOrUndefined(result.personId),
      enrollmentId: idOrUndefined(result.enrollmentId),
      queueItemId: idOrUndefined(result.itemId),
    },
    outcome,
    errorCode: outcome === 'failed' ? 'ENROLL_FAILED' : null,
    counts: { photos: result.photos.length },
  });
}

/** A single enrollment (webcam or form): the consent, then the person created or queued. */
export async function auditEnrollPerson<T extends PersonResultLike>(
  audit: AuditRecorder,
  input: { readonly collectionId: string; readonly consent: ConsentLike },
  run: () => Promise<T>,
): Promise<T> {
  recordConsent(audit, input.consent, input.collectionId);
  let result: T;
  try {
    result = await run();
  } catch (err) {
    audit.record({ action: 'personCreated', targets: { collectionId: input.collectionId }, outcome: 'failed', errorCode: auditErrorCode(err) });
    throw err;
  }
  recordPerson(audit, input.collectionId, result);
  return result;
}

/** A confirmed folder import: the consent, each person created or queued, then the import with its counts. */
export async function auditImport<T extends ImportOutcomeLike>(audit: AuditRecorder, consent: ConsentLike, run: () => Promise<T>): Promise<T> {
  recordConsent(audit, consent);
  let outcome: T;
  try {
    outcome = await run();
  } catch (err) {
    audit.record({ action: 'importConfirmed', outcome: 'failed', errorCode: auditErrorCode(err) });
    throw err;
  }
  for (const result of outcome.results) recordPerson(audit, outcome.collectionId, result);
  const c = outcome.counts;
  audit.record({
    action: 'importConfirmed',
    targets: { collectionId: outcome.collectionId },
    outcome: c.enrolled === 0 && c.queued > 0 ? 'queued' : 'done',
    counts: { enrolled: c.enrolled, queued: c.queued, failed: c.failed, skipped: c.skipped, photos: c.photos },
  });
  return outcome;
}

/**
 * The operator accepted a photo the quality checks flagged: which checks (codes) and why
 * (their note, which the screen warns must not contain names).
 */
export function recordQualityOverride(
  audit: AuditRecorder,
  targets: { readonly collectionId?: string; readonly enrollmentId?: string; readonly personId?: string },
  override: { readonly codes: readonly string[]; readonly note: string },
): void {
  audit.record({
    action: 'qualityOverridden',
    targets,
    outcome: 'done',
    counts: { checks: override.codes.length },
    note: `[${override.codes.join(', ')}] ${override.note.trim()}`,
  });
}
