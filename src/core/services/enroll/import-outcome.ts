import type { ImportOutcome, PersonResult } from '../../../shared/domain/enroll.js';

/** An import's counts over its per-person results (the app's confirm and the CLI's stream alike). */
export function importOutcomeOf(collectionId: string, results: readonly PersonResult[]): Omit<ImportOutcome, 'scanId'> {
  const count = (status: PersonResult['status']) => results.filter((r) => r.status === status).length;
  return {
    collectionId,
    counts: {
      enrolled: count('enrolled'),
      queued: count('queued'),
      failed: count('failed'),
      skipped: count('skipped'),
      photos: results.reduce((n, r) => n + (r.status === 'enrolled' || r.status === 'queued' ? r.photos.length : 0), 0),
    },
    results: [...results],
  };
}
