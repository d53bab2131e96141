import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keychainService, KeytarSecretStore } from './keytar-secret-store.js';

// Runs against the real OS keychain: in CI, gnome-keyring under dbus-run-session (see .ci/run).
describe('KeytarSecretStore (real keychain)', () => {
  const store = new KeytarSecretStore(`enroll-desk-test-${randomUUID()}`);

  it('sets, gets and deletes a secret', async () => {
    const account = `acct-${randomUUID()}`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'pässwörd ✓ 1');
    expect(await store.get(account)).toBe('pässwörd ✓ 1');
    await store.set(account, 'second');
    expect(await store.get(account)).toBe('second');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps accounts apart', async () => {
    const a = `a-${randomUUID()}`;
    const b = `b-${randomUUID()}`;
    await store.set(a, 'one');
    await store.set(b, 'two');
    expect(await store.get(a)).toBe('one');
    expect(await store.get(b)).toBe('two');
    await store.delete(a);
    await store.delete(b);
  });
});

describe('keychainService', () => {
  it('is enroll-desk unless ENROLL_DESK_KEYCHAIN_SERVICE names another desk', () => {
    const saved = process.env.ENROLL_DESK_KEYCHAIN_SERVICE;
    try {
      delete process.env.ENROLL_DESK_KEYCHAIN_SERVICE;
      expect(keychainService()).toBe('enroll-desk');
      process.env.ENROLL_DESK_KEYCHAIN_SERVICE = '  ';
      expect(keychainService()).toBe('enroll-desk');
      process.env.ENROLL_DESK_KEYCHAIN_SERVICE = 'enroll-desk-trial';
      expect(keychainService()).toBe('enroll-desk-trial');
    } finally {
      if (saved === undefined) delete process.env.ENROLL_DESK_KEYCHAIN_SERVICE;
      else process.env.ENROLL_DESK_KEYCHAIN_SERVICE = saved;
    }
  });
});
