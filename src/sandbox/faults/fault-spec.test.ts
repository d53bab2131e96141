import { describe, expect, it } from 'vitest';
import { FaultSpecError, noFaults, parseFaultSpec } from './fault-spec.js';

describe('parseFaultSpec', () => {
  it('parses every fault kind', () => {
    expect(parseFaultSpec('5xx=0.2,reset=0.1,latency=0-500,expire=20s,429=0.05:2')).toEqual({
      serverErrorRate: 0.2,
      serverErrorStatus: 500,
      resetRate: 0.1,
      latencyMs: { min: 0, max: 500 },
      expireEveryMs: 20_000,
      tooManyRequests: { rate: 0.05, retryAfterSeconds: 2 },
      scopedServerErrors: [],
    });
  });

  it('parses a 500 scoped to one method and path prefix', () => {
    expect(parseFaultSpec('5xx@DELETE:/api/analyses=1,5xx=0.1').scopedServerErrors).toEqual([
      { method: 'DELETE', pathPrefix: '/api/analyses', rate: 1 },
    ]);
    expect(() => parseFaultSpec('5xx@delete:/api=1')).toThrow(/5xx@<METHOD>:<path prefix>/);
    expect(() => parseFaultSpec('5xx@DELETE:/api=3')).toThrow(/≤ 1/);
  });

  it('accepts single latency values, duration units and a default Retry-After', () => {
    const config = parseFaultSpec(' latency=150 , expire=500ms, 429=1 ');
    expect(config.latencyMs).toEqual({ min: 150, max: 150 });
    expect(config.expireEveryMs).toBe(500);
    expect(config.tooManyRequests).toEqual({ rate: 1, retryAfterSeconds: 1 });
    expect(parseFaultSpec('expire=2m').expireEveryMs).toBe(120_000);
    expect(parseFaultSpec('expire=3').expireEveryMs).toBe(3000);
    expect(parseFaultSpec('5xx=0.2:503')).toMatchObject({ serverErrorRate: 0.2, serverErrorStatus: 503 });
  });

  it('treats empty and null as no faults', () => {
    expect(parseFaultSpec('')).toEqual(noFaults);
    expect(parseFaultSpec(null)).toEqual(noFaults);
  });

  it.each([
    ['5xx=2', /5xx.*≤ 1/],
    ['5xx=abc', /5xx.*number/],
    ['5xx=0.2:404', /5xx.*500-599/],
    ['reset', /not key=value/],
    ['latency=500-100', /min must not exceed max/],
    ['latency=fast', /latency/],
    ['expire=0s', /longer than 0/],
    ['expire=soon', /duration/],
    ['429=0.5:x', /429/],
    ['boom=1', /unknown fault kind.*boom/],
    ['5xx=0.1,5xx=0.2', /given twice/],
  ])('rejects %s with a clear message', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});
