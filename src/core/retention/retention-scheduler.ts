import { DAY_MS } from './retention-policy.js';

export interface RetentionSchedule {
  /** The purge run at start. */
  readonly first: Promise<void>;
  stop(): void;
}

/** Runs the purge now and then daily; the timer never keeps the process alive. */
export function scheduleRetention(run: () => Promise<unknown>, onError: (err: unknown) => void, intervalMs = DAY_MS): RetentionSchedule {
  const once = (): Promise<void> => run().then(() => undefined, onError);
  const first = once();
  const timer = setInterval(() => void once(), intervalMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
