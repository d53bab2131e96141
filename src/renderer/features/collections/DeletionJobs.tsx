import { useTranslation } from 'react-i18next';
import type { DeletionJobView } from '../../../shared/domain/collections.js';
import { assertNever } from '../../../shared/result.js';
import { t } from '../../i18n/index.js';
import { selectDeletionJobs } from '../../store/slices/collections/selectors.js';
import { useAppStore } from '../../store/store-context.js';

function phaseText(job: DeletionJobView): string {
  switch (job.phase) {
    case 'listing':
      return t('collections.jobs.listing');
    case 'deleting-persons':
      return t('collections.jobs.deletingPersons', { done: job.done, total: job.total });
    case 'deleting-collection':
      return t('collections.jobs.deletingCollection');
    case 'done':
      return t('collections.jobs.done', {
        persons: t('common.persons', { count: job.done }),
        analyses: t('common.analyses', { count: job.deletedAnalyses }),
      });
    default:
      return assertNever(job.phase);
  }
}

/** Collection deletions in progress or waiting (they survive restarts and network drops); finished ones can be closed. */
export function DeletionJobs({ offline }: { readonly offline: boolean }) {
  const jobs = Object.values(useAppStore(selectDeletionJobs));
  const resume = useAppStore((s) => s.resumeDeletion);
  const dismiss = useAppStore((s) => s.dismissDeletionJob);
  const { t: tr } = useTranslation();
  if (jobs.length === 0) return null;
  return (
    <section className="card deletion-jobs" aria-labelledby="deletion-jobs-title">
      <h2 id="deletion-jobs-title">{tr('collections.jobs.title')}</h2>
      <ul className="deletion-jobs__list">
        {jobs.map((job) => {
          const name = job.alias ?? job.collectionId;
          const max = job.phase === 'done' ? 1 : Math.max(job.total, 1);
          const value = job.phase === 'done' ? 1 : job.done;
          return (
            <li key={job.jobId} className="deletion-jobs__item">
              <span className="deletion-jobs__name">{name}</span>
              <progress max={max} value={value} aria-label={tr('collections.jobs.progress', { name })} />
              <span role="status">{phaseText(job)}</span>
              {job.phase !== 'done' && !job.running && (
                <span className="deletion-jobs__waiting">
                  {job.lastError !== null ? tr('collections.jobs.waitingBecause', { problem: job.lastError }) : tr('collections.jobs.waiting')}{' '}
                  <button type="button" className="button button--secondary" disabled={offline} onClick={() => void resume(job.jobId)}>
                    {tr('collections.jobs.resume', { name })}
                  </button>
                </span>
              )}
              {job.phase === 'done' && (
                <button type="button" className="button button--quiet" onClick={() => dismiss(job.jobId)}>
                  {tr('collections.jobs.dismiss', { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
