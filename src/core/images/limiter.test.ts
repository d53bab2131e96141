import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLimiter', () => {
  it('never runs more than its concurrency, and does reach it', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick(5 + (i % 3) * 3);
          running -= 1;
          order.push(i);
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toHaveLength(8);
    expect(limiter.active).toBe(0);
  });

  it('starts tasks first come first served and reports the queue', async () => {
    const limiter = createLimiter(1);
    const started: number[] = [];
    const all = [0, 1, 2].map((i) => limiter.run(async () => void started.push(i)));
    expect(limiter.queued).toBe(2);
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2]);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 42)).resolves.toBe(42);
    expect(limiter.active).toBe(0);
  });

  it('rejects a nonsensical concurrency', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
