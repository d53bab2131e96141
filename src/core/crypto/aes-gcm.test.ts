import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../secrets/in-memory-secret-store.js';
import { AesGcm, DecryptError } from './aes-gcm.js';
import { loadOrCreateKey } from './keychain-key.js';

describe('AesGcm', () => {
  const aes = new AesGcm(randomBytes(32));

  it('round-trips bytes and JSON with a fresh nonce each time', () => {
    const plain = Buffer.from('Jane Doe — photo bytes');
    const a = aes.seal(plain);
    const b = aes.seal(plain);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
    expect(aes.open(a).equals(plain)).toBe(true);
    expect(aes.open(aes.seal(new Uint8Array(0))).length).toBe(0);
    expect(aes.openJson(aes.sealJson({ name: 'Ünïcode' }))).toEqual({ name: 'Ünïcode' });
  });

  it('detects tampering with the version, nonce, tag or ciphertext, and truncation', () => {
    const sealed = aes.seal(Buffer.from('secret name'));
    for (const index of [0, 1, 14, 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[index] = (bad[index] ?? 0) ^ 0x01;
      expect(() => aes.open(bad)).toThrow(DecryptError);
    }
    expect(() => aes.open(sealed.subarray(0, 20))).toThrow(DecryptError);
    expect(() => aes.open(sealed.subarray(0, sealed.length - 1))).toThrow(DecryptError);
  });

  it('refuses a wrong key and a key of the wrong size', () => {
    const sealed = aes.seal(Buffer.from('secret name'));
    expect(() => new AesGcm(randomBytes(32)).open(sealed)).toThrow(DecryptError);
    expect(() => new AesGcm(randomBytes(16))).toThrow(RangeError);
  });
});

describe('loadOrCreateKey', () => {
  it('creates a 256-bit key once and then reuses it', async () => {
    const store = new InMemorySecretStore();
    const first = await loadOrCreateKey(store, 'k', 'throw');
    expect(first.length).toBe(32);
    expect(await store.get('k')).toBe(first.toString('base64'));
    expect((await loadOrCreateKey(store, 'k', 'throw')).equals(first)).toBe(true);
  });

  it('refuses or replaces a malformed stored key, as asked', async () => {
    const store = new InMemorySecretStore();
    await store.set('k', Buffer.alloc(8).toString('base64'));
    await expect(loadOrCreateKey(store, 'k', 'throw')).rejects.toThrow(/malformed/);
    const replaced = await loadOrCreateKey(store, 'k', 'replace');
    expect(replaced.length).toBe(32);
    expect(await store.get('k')).toBe(replaced.toString('base64'));
  });
});
