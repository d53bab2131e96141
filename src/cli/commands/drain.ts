import cliProgress from 'cli-progress';
import { createPaceEstimator } from '../../shared/domain/progress-rate.js';
import { paceText } from './progress-bar.js';
import type { BackoffPolicy, SyncReport, SyncStatus, SyncWorker } from '../../core/queue/index.js';

/** The probe while offline is quicker than the app's: someone waits for the command. */
export const CLI_PROBE_INTERVAL_MS = 3_000;

/**
 * The app's back-off, capped at 30 s rather than 10 min: a drain lasts minutes (--wait), not a
 * shift. A longer Retry-After is still obeyed (as in the app): the drain waits it out within --wait.
 */
export const CLI_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 30_000, retryAfterCapMs: 10 * 60_000 };

/**
 * Sends the queue through the sync worker (its retries, back-off, Retry-After, pause and
 * quarantine rules) until it is drained, paused, or `budgetMs` has passed; then stops the
 * worker, letting requests in flight finish. Shows a progress bar unless `quiet`.
 */
export async function drainWithin(worker: SyncWorker, budgetMs: number, opts: { readonly quiet: boolean; readonly label: string }): Promise<SyncReport> {
  const total = worker.status().pending;
  const bar = opts.quiet || total === 0 ? null : new cliProgress.SingleBar({ stream: process.stderr, format: `${opts.label} [{bar}] {value}/{total} {pace} {state}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar?.start(total, 0, { state: '', pace: '' });
  const pace = createPaceEstimator();
  const onProgress = (s: SyncStatus): void => {
    const sent = Math.max(0, total - s.pending);
    pace.record(sent, performance.now());
    bar?.update(sent, { state: stateLine(s), pace: paceText('sending', pace.pace(total)) });
  };
  let timer: NodeJS.Timeout | undefined;
  const drained = worker.syncNow({ stopWhenOffline: false, onProgress });
  const outOfTime = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budgetMs);
  });
  const first = await Promise.race([drained, outOfTime]);
  clearTimeout(timer);
  await worker.stop();
  bar?.stop();
  return first ?? (await drained);
}

function stateLine(s: SyncStatus): string {
  if (s.connectivity === 'offline') return '(server unreachable, retrying)';
  return s.counts.retryWait > 0 ? `(${s.counts.retryWait} waiting to retry)` : '';
}
