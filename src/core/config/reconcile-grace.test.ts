import { describe, expect, it } from 'vitest';
import { reconcileGraceFromEnv } from './reconcile-grace.js';

describe('reconcileGraceFromEnv', () => {
  it('reads a whole number of ms, spaces trimmed', () => {
    expect(reconcileGraceFromEnv({ ENROLL_DESK_RECONCILE_GRACE_MS: ' 2500 ' })).toBe(2500);
    expect(reconcileGraceFromEnv({ ENROLL_DESK_RECONCILE_GRACE_MS: '0' })).toBe(0);
  });

  it('leaves the default in place when unset or not a whole number of ms', () => {
    for (const raw of [undefined, '', '-5', '1.5', '15s', 'abc']) {
      expect(reconcileGraceFromEnv(raw === undefined ? {} : { ENROLL_DESK_RECONCILE_GRACE_MS: raw })).toBeUndefined();
    }
  });
});
