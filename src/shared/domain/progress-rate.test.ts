import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPaceEstimator } from './progress-rate.js';

describe('the pace estimator', () => {
  it('has no estimate before progress spans enough time', () => {
    const pace = createPaceEstimator({ minSpanMs: 500 });
    expect(pace.pace(10)).toBeNull();
    pace.record(0, 0);
    pace.record(1, 200);
    expect(pace.pace(10)).toBeNull();
    pace.record(2, 1000);
    expect(pace.pace(10)).toEqual({ perSecond: 2, remainingMs: 4000 });
  });

  it('follows the recent speed, not the average since the start', () => {
    const pace = createPaceEstimator({ windowMs: 5000 });
    for (let s = 0; s <= 10; s += 1) pace.record(s * 10, s * 1000);
    for (let s = 11; s <= 20; s += 1) pace.record(100 + (s - 10) * 2, s * 1000);
    expect(pace.pace(200)?.perSecond).toBeCloseTo(2, 5);
  });

  it('starts afresh when the count goes back (a new phase)', () => {
    const pace = createPaceEstimator();
    pace.record(0, 0);
    pace.record(50, 1000);
    pace.record(0, 1100);
    expect(pace.pace(100)).toBeNull();
  });

  it('at a constant speed gives that speed and the exact time left, whatever the readings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 500 }),
        (perSecond, gaps, extra) => {
          const pace = createPaceEstimator({ windowMs: 4000, minSpanMs: 1 });
          let at = 0;
          pace.record(0, 0);
          for (const gap of gaps) {
            at += gap;
            pace.record((perSecond * at) / 1000, at);
          }
          const done = (perSecond * at) / 1000;
          const estimate = pace.pace(done + extra);
          expect(estimate?.perSecond).toBeCloseTo(perSecond, 6);
          expect(estimate?.remainingMs).toBeCloseTo((extra / perSecond) * 1000, 3);
        },
      ),
    );
  });

  it('never gives a negative or infinite time left', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5000 })), { maxLength: 80 }), fc.integer({ min: 0, max: 1000 }), (steps, total) => {
        const pace = createPaceEstimator({ minSpanMs: 1 });
        let at = 0;
        for (const [done, gap] of steps) {
          at += gap;
          pace.record(done, at);
          const estimate = pace.pace(total);
          if (estimate !== null) {
            expect(estimate.perSecond).toBeGreaterThan(0);
            expect(Number.isFinite(estimate.remainingMs)).toBe(true);
            expect(estimate.remainingMs).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });
});
