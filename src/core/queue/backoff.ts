export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  /** The longest Retry-After obeyed (default `capMs`): a short back-off cap must not retry before the server asked. */
  readonly retryAfterCapMs?: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * Exponential back-off with full jitter: a uniform delay in [0, min(cap, base·2^attempt)).
 * A server's Retry-After is a floor (never retry earlier than asked), capped at `retryAfterCapMs`.
 * `attempt` counts failures so far, from 0.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
  retryAfterSeconds: number | null = null,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const jittered = Math.floor(random() * exp);
  return Math.max(jittered, retryAfterFloorMs(retryAfterSeconds, policy));
}

/** How long the server asked the desk to wait (its Retry-After, capped), or 0. */
export function retryAfterFloorMs(retryAfterSeconds: number | null, policy: BackoffPolicy = defaultBackoff): number {
  return retryAfterSeconds === null ? 0 : Math.min(policy.retryAfterCapMs ?? policy.capMs, retryAfterSeconds * 1000);
}
