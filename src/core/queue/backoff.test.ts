import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

const policy = { baseMs: 2000, capMs: 600_000 };

describe('backoffDelayMs', () => {
  it('grows exponentially with full jitter', () => {
    expect(backoffDelayMs(0, policy, () => 0.999999)).toBe(1999);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(8000);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('is capped at ten minutes however many failures', () => {
    expect(backoffDelayMs(50, policy, () => 0.999999)).toBeLessThanOrEqual(600_000);
    expect(backoffDelayMs(50, policy, () => 0.999999)).toBeGreaterThan(599_000);
  });

  it('never retries before Retry-After, still within the cap', () => {
    expect(backoffDelayMs(0, policy, () => 0, 5)).toBe(5000);
    expect(backoffDelayMs(10, policy, () => 0.9, 1)).toBeGreaterThan(1000);
    expect(backoffDelayMs(0, policy, () => 0, 3600)).toBe(600_000);
  });

  it('obeys a Retry-After longer than a short back-off cap, up to its own cap', () => {
    const cli = { baseMs: 2000, capMs: 30_000, retryAfterCapMs: 600_000 };
    expect(backoffDelayMs(0, cli, () => 0.5, 45)).toBe(45_000);
    expect(backoffDelayMs(9, cli, () => 0.999999)).toBeLessThan(30_000);
    expect(backoffDelayMs(0, cli, () => 0, 3600)).toBe(600_000);
  });

  it('stays within [0, window) for random draws', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const d = backoffDelayMs(attempt);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(Math.min(600_000, 2000 * 2 ** attempt));
    }
  });
});
