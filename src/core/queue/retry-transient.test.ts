import { describe, expect, it } from 'vitest';
import { OzApiError, OzNetworkError, OzTimeoutError } from '../oz/index.js';
import { failureText, isTransient, retryTransient } from './retry-transient.js';

const status = (httpStatus: number, retryAfterSeconds: number | null = null): OzApiError =>
  new OzApiError({ httpStatus, errorCode: 0, errorMessage: 'injected', details: null, retryAfterSeconds });

/** A call that fails with the given errors in turn, then answers "ok". */
function scripted(errors: readonly unknown[]): { call: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    call: () => {
      const err = errors[n];
      n += 1;
      return err === undefined ? Promise.resolve('ok') : Promise.reject(err instanceof Error ? err : new Error(String(err)));
    },
    calls: () => n,
  };
}

const fast = { baseMs: 1, capMs: 5 };

describe('retryTransient', () => {
  it('retries 5xx, 429, 408, resets and timeouts until the call succeeds', async () => {
    const reset = new OzNetworkError('socket hang up', true, 'ECONNRESET');
    const s = scripted([status(503), status(500), status(429), status(408), reset, new OzTimeoutError(10)]);
    await expect(retryTransient(s.call, { budgetMs: 5_000, backoff: fast })).resolves.toBe('ok');
    expect(s.calls()).toBe(7);
  });

  it('gives up at once on refusals and refused connections', async () => {
    for (const err of [status(400), status(401), status(404), new OzNetworkError('refused', false, 'ECONNREFUSED'), new OzNetworkError('bad port', true, null)]) {
      const s = scripted([err]);
      await expect(retryTransient(s.call, { budgetMs: 5_000, backoff: fast })).rejects.toBe(err);
      expect(s.calls()).toBe(1);
    }
  });

  it('throws the last transient error once the budget is spent, honouring Retry-After as the least wait', async () => {
    const s = scripted(Array.from({ length: 100 }, () => status(503, 1)));
    const started = Date.now();
    await expect(retryTransient(s.call, { budgetMs: 1_500, backoff: { baseMs: 1, capMs: 2_000 } })).rejects.toMatchObject({ httpStatus: 503 });
    // Retry-After: 1 s: one retry fits in 1.5 s, a second would not.
    expect(s.calls()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('names the HTTP status in its text, never the bare server words', () => {
    expect(failureText(status(503))).toBe('Oz API HTTP 503 (code 0): injected');
    expect(isTransient(status(502))).toBe(true);
    expect(isTransient(new Error('bug'))).toBe(false);
  });
});
