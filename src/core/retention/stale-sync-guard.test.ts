import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors/app-failure.js';
import { assertEnrollmentAllowed, checkStaleSync } from './stale-sync-guard.js';

const H = 3_600_000;

describe('checkStaleSync', () => {
  it('is ok with nothing pending, or pending items younger than the warning age', () => {
    expect(checkStaleSync({ pending: 0, oldestPendingAgeMs: null }, {}).level).toBe('ok');
    expect(checkStaleSync({ pending: 3, oldestPendingAgeMs: 23 * H }, {})).toMatchObject({ level: 'ok', message: '3 enrollments waiting to sync.' });
  });

  it('warns from 24 h by default, or from the configured age, saying what to do', () => {
    const warn = checkStaleSync({ pending: 2, oldestPendingAgeMs: 25 * H }, {});
    expect(warn.level).toBe('warn');
    expect(warn.message).toMatch(/2 enrollments .* 25 hours.*Sync now/);
    expect(checkStaleSync({ pending: 1, oldestPendingAgeMs: 5 * H }, { staleSyncWarnHours: 4 }).level).toBe('warn');
    expect(checkStaleSync({ pending: 1, oldestPendingAgeMs: 100 * H }, {}).message).toMatch(/4 days/);
  });

  it('blocks only when a block age is configured and passed', () => {
    expect(checkStaleSync({ pending: 1, oldestPendingAgeMs: 1000 * H }, { staleSyncBlockHours: null }).level).toBe('warn');
    expect(checkStaleSync({ pending: 1, oldestPendingAgeMs: 47 * H }, { staleSyncBlockHours: 48 }).level).toBe('warn');
    const block = checkStaleSync({ pending: 1, oldestPendingAgeMs: 49 * H }, { staleSyncBlockHours: 48 });
    expect(block.level).toBe('block');
    expect(block.message).toMatch(/paused.*limit 48 h.*Restore the network/);
  });

  it('assertEnrollmentAllowed refuses with CONFLICT only on block', () => {
    expect(() => assertEnrollmentAllowed({ pending: 1, oldestPendingAgeMs: 30 * H }, { staleSyncBlockHours: 48 })).not.toThrow();
    expect(() => assertEnrollmentAllowed({ pending: 1, oldestPendingAgeMs: 50 * H }, { staleSyncBlockHours: 48 })).toThrow(AppFailure);
  });
});
