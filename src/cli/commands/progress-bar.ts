import cliProgress from 'cli-progress';
import { createPaceEstimator, type ProgressPace } from '../../shared/domain/progress-rate.js';
import { describeDuration } from '../duration-option.js';

export type ShowProgress = (phase: string, done: number, total: number, current?: string) => void;

/** What a phase counts, for "4.2 photos/s". */
const UNITS: Readonly<Record<string, string>> = { processing: 'photos', checking: 'persons', queueing: 'persons', sending: 'items' };

/** "4.2 photos/s, about 35 secs left"; empty until there is a pace to show. */
export function paceText(phase: string, pace: ProgressPace | null): string {
  if (pace === null) return '';
  const rate = `${pace.perSecond.toFixed(pace.perSecond < 10 ? 1 : 0)} ${UNITS[phase] ?? 'items'}/s`;
  return pace.remainingMs < 1000 ? rate : `${rate}, about ${describeDuration(Math.round(pace.remainingMs / 1000) * 1000)} left`;
}

/** One line on stderr per phase: count, pace (moving window), time left and the current file. */
export function progressBar(now: () => number = () => performance.now()): { show: ShowProgress; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {value}/{total} {pace} {current}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | null = null;
  let estimator = createPaceEstimator();
  return {
    show(next, done, total, current = '') {
      const label = current.length > 40 ? `…${current.slice(-39)}` : current;
      if (phase !== next) {
        if (phase !== null) bar.stop();
        estimator = createPaceEstimator();
        bar.start(total, done, { phase: next, current: label, pace: '' });
        phase = next;
      }
      estimator.record(done, now());
      bar.setTotal(total);
      bar.update(done, { current: label, pace: paceText(next, estimator.pace(total)) });
    },
    stop() {
      if (phase !== null) bar.stop();
      phase = null;
    },
  };
}
