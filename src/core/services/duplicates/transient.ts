import { OzApiError, OzNetworkError, OzTimeoutError } from '../../oz/index.js';

/** 5xx, 429, 408, a reset or a timeout: the same request may well succeed a moment later. */
export function isTransient(err: unknown): boolean {
  if (err instanceof OzNetworkError || err instanceof OzTimeoutError) return true;
  return err instanceof OzApiError && (err.httpStatus >= 500 || err.httpStatus === 429 || err.httpStatus === 408);
}

/** 403 or Oz code 9: this account lacks the right, whatever we send. */
export function isForbidden(err: unknown): boolean {
  return err instanceof OzApiError && (err.httpStatus === 403 || err.errorCode === 9);
}

/** The server has no such route or refuses the method (a folder deletion Oz may not offer). */
export function isUnsupported(err: unknown): boolean {
  return err instanceof OzApiError && (err.httpStatus === 405 || err.httpStatus === 501 || err.errorCode === 1 || err.errorCode === 2);
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  /** A server's Retry-After is honoured up to this. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 5000 };

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `call`, repeating it after transient failures with a growing pause; other failures pass through. */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= policy.attempts || !isTransient(err) || signal?.aborted) throw err;
      const asked = err instanceof OzApiError && err.retryAfterSeconds !== null ? err.retryAfterSeconds * 1000 : 0;
      await sleep(Math.min(policy.maxDelayMs, Math.max(asked, policy.baseDelayMs * 2 ** (attempt - 1))), signal);
    }
  }
}
