import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/domain/enroll.js';

/** A labelled progress bar with the current step in words. */
export function ProgressLine({ label, progress }: { readonly label: string; readonly progress: ImportProgress | null }) {
  const { t } = useTranslation();
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
