import type { DeletionJobView } from '../../../shared/domain/collections.js';
import { assertNever } from '../../../shared/result.js';
import { selectDeletionJobs } from '../../store/slices/collections/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { plural } from './format.js';

function phaseText(job: DeletionJobView): string {
  switch (job.phase) {
    case 'listing':
      return 'Listing persons…';
    case 'deleting-persons':
      return `Deleting persons: ${job.done} of ${job.total}`;
    case 'deleting-collection':
      return 'Deleting the collection…';
    case 'done':
      return `Finished: ${plural(job.done, 'person')} and ${job.deletedAnalyses} ${job.deletedAnalyses === 1 ? 'analysis' : 'analyses'} deleted, collection removed.`;
    default:
      return assertNever(job.phase);
  }
}

/** Collection deletions in progress or waiting (they survive restarts and network drops). */
export function DeletionJobs({ offline }: { readonly offline: boolean }) {
  const jobs = Object.values(useAppStore(selectDeletionJobs));
  const resume = useAppStore((s) => s.resumeDeletion);
  if (jobs.length === 0) return null;
  return (
    <section className="card deletion-jobs" aria-label="Collection deletions">
      <h3>Collection deletions</h3>
      <ul className="deletion-jobs__list">
        {jobs.map((job) => {
          const name = job.alias ?? job.collectionId;
          const max = job.phase === 'done' ? 1 : Math.max(job.total, 1);
          const value = job.phase === 'done' ? 1 : job.done;
          return (
            <li key={job.jobId} className="deletion-jobs__item">
              <span className="deletion-jobs__name">{name}</span>
              <progress max={max} value={value} aria-label={`Deleting ${name}`} />
              <span role="status">{phaseText(job)}</span>
              {job.phase !== 'done' && !job.running && (
                <span className="deletion-jobs__waiting">
                  Waiting{job.lastError !== null ? ` (last problem: ${job.lastError})` : ''}.{' '}
                  <button type="button" className="button button--secondary" disabled={offline} onClick={() => void resume(job.jobId)}>
                    Resume deleting {name}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
