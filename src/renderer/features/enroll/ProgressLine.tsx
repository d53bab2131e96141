import type { ImportProgress } from '../../../shared/domain/enroll.js';

const PHASES: Readonly<Record<ImportProgress['phase'], string>> = {
  scanning: 'Finding files',
  processing: 'Checking photos',
  checking: 'Asking Oz about duplicates',
  enrolling: 'Enrolling',
};

/** A labelled progress bar with the current step in words. */
export function ProgressLine({ label, progress }: { readonly label: string; readonly progress: ImportProgress | null }) {
  const known = progress !== null && progress.phase !== 'scanning' && progress.total > 0;
  return (
    <div className="progress-line" role="status">
      <progress aria-label={label} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
      <span className="progress-line__text">
        {progress === null ? 'Starting…' : `${PHASES[progress.phase]}: ${progress.done}${progress.phase === 'scanning' ? '' : ` of ${progress.total}`}`}
        {progress?.current ? ` — ${progress.current.split(/[\\/]/).pop() ?? ''}` : ''}
      </span>
    </div>
  );
}
