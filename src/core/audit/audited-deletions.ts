import type { AuditTargets } from '../../shared/domain/audit.js';
import { auditErrorCode } from './audit-error-code.js';
import type { AuditRecorder } from './audit-log.js';

type PersonDeletionOutcome =
  | { readonly status: 'deleted'; readonly deletedAnalyses: readonly { readonly analysisId: string }[] }
  | { readonly status: 'blocked' };

/**
 * Runs a person deletion and records one entry per analysis deleted, then the person. A
 * refusal awaiting the operator's confirmation (`blocked`) changed nothing and records nothing.
 */
export async function auditPersonDeletion<T extends PersonDeletionOutcome>(
  audit: AuditRecorder,
  ids: { readonly collectionId: string; readonly personId: string },
  run: () => Promise<T>,
): Promise<T> {
  const targets: AuditTargets = { collectionId: ids.collectionId, personId: ids.personId };
  let outcome: T;
  try {
    outcome = await run();
  } catch (err) {
    audit.record({ action: 'personDeleted', targets, outcome: 'failed', errorCode: auditErrorCode(err) });
    throw err;
  }
  if (outcome.status === 'deleted') {
    for (const analysis of outcome.deletedAnalyses) {
      audit.record({ action: 'analysisDeleted', targets: { ...targets, analysisId: analysis.analysisId }, outcome: 'done' });
    }
    audit.record({ action: 'personDeleted', targets, outcome: 'done', counts: { analyses: outcome.deletedAnalyses.length } });
  }
  return outcome;
}

interface DeletionJobLike {
  readonly jobId: string;
  readonly collectionId: string;
  readonly phase: string;
  readonly done: number;
  readonly deletedAnalyses: number;
}

/**
 * A progress listener for background collection deletions that records one entry when a
 * job finishes (jobs report `done` more than once, and resume after restarts).
 */
export function auditCollectionDeletions(audit: AuditRecorder): (job: DeletionJobLike) => void {
  const recorded = new Set<string>();
  return (job) => {
    if (job.phase !== 'done' || recorded.has(job.jobId)) return;
    recorded.add(job.jobId);
    audit.record({
      action: 'collectionDeleted',
      targets: { collectionId: job.collectionId },
      outcome: 'done',
      counts: { persons: job.done, analyses: job.deletedAnalyses },
    });
  };
}
