import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/domain/enroll.js';
import type { ProgressPace } from '../../../shared/domain/progress-rate.js';
import { useFormat } from '../../i18n/format.js';
import { useProgressPace } from './use-progress-pace.js';

/** A labelled progress bar with the current step in words, its pace and the time left. */
export function ProgressLine({ label, progress }: { readonly label: string; readonly progress: ImportProgress | null }) {
  return <ProgressView label={label} progress={progress} pace={useProgressPace(progress)} />;
}

export function ProgressView({ label, progress, pace }: { readonly label: string; readonly progress: ImportProgress | null; readonly pace: ProgressPace | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const known = progress !== null && progress.phase !== 'scanning' && progress.total > 0;
  return (
    <div className="progress-line" role="status">
      <progress aria-label={label} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
      <span className="progress-line__text">
        {progress === null
          ? t('enroll.progress.starting')
          : progress.phase === 'scanning'
            ? t('enroll.progress.scanning', { done: progress.done })
            : t(`enroll.progress.${progress.phase}`, { done: progress.done, total: progress.total })}
        {progress?.current ? ` — ${progress.current.split(/[\\/]/).pop() ?? ''}` : ''}
      </span>
      {pace !== null && progress !== null && progress.phase !== 'scanning' && (
        <span className="progress-line__pace">{t(`enroll.progress.pace.${progress.phase}`, { rate: format.rate(pace.perSecond), left: format.timeLeft(pace.remainingMs) })}</span>
      )}
    </div>
  );
}

/** Dropped files being handed to main, before the dry run starts. */
export function DropProgress({ done, total }: { readonly done: number; readonly total: number }) {
  const { t } = useTranslation();
  return (
    <div className="progress-line" role="status">
      <progress aria-label={t('enroll.drop.progress')} max={total > 0 ? total : undefined} value={total > 0 ? done : undefined} />
      <span className="progress-line__text">{t('enroll.drop.reading', { done, total })}</span>
    </div>
  );
}
