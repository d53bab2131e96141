import { setTimeout as sleep } from 'node:timers/promises';
import { OzApiError, OzNetworkError, OzTimeoutError } from '../oz/index.js';
import { backoffDelayMs, type BackoffPolicy } from './backoff.js';
import { describe } from './classify-error.js';

export interface RetryTransientOptions {
  /** Stop retrying once this much time has passed since the first attempt. */
  readonly budgetMs: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly signal?: AbortSignal;
  /** Told before each wait, e.g. to show "retrying" on a progress line. */
  readonly onRetry?: (err: unknown, delayMs: number) => void;
}

/** Short waits: these are start-up reads a person waits for, not queued work. */
const readBackoff: BackoffPolicy = { baseMs: 500, capMs: 8_000 };

/**
 * The server answered but could not serve the request now (5xx, 408, 429), or the answer was
 * lost after the request was sent (reset, timeout). A refused connection is not transient
 * here: the server is unreachable, and the caller falls back to the queue at once.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof OzApiError) return err.httpStatus >= 500 || err.httpStatus === 429 || err.httpStatus === 408;
  // Without a cause code it is no socket failure at all (e.g. a port fetch refuses to use).
  if (err instanceof OzNetworkError) return err.ambiguous && err.causeCode !== null;
  return err instanceof OzTimeoutError;
}

/**
 * Runs a read (or an idempotent call) again after transient failures, with the queue's
 * jittered back-off and the server's Retry-After as a floor, until it succeeds, fails for
 * good, or the budget is spent (then the last error is thrown).
 */
export async function retryTransient<T>(call: () => Promise<T>, opts: RetryTransientOptions): Promise<T> {
  const startedAt = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (!isTransient(err) || opts.signal?.aborted === true) throw err;
      const retryAfter = err instanceof OzApiError ? err.retryAfterSeconds : null;
      const delay = backoffDelayMs(attempt, opts.backoff ?? readBackoff, opts.random, retryAfter);
      if (Date.now() + delay - startedAt > opts.budgetMs) throw err;
      opts.onRetry?.(err, delay);
      await sleep(delay, undefined, opts.signal ? { signal: opts.signal } : {});
    }
  }
}

/** "Oz API HTTP 503 (code 0): injected", "the connection failed (ECONNRESET)": a failure with its HTTP status, for messages. */
export function failureText(err: unknown): string {
  if (err instanceof OzApiError) return describe(err);
  if (err instanceof OzTimeoutError) return err.message;
  if (err instanceof OzNetworkError) return `the connection failed (${err.causeCode ?? err.message})`;
  return err instanceof Error ? err.message : String(err);
}
