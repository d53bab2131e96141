import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../secrets/in-memory-secret-store.js';
import { secretAccounts } from '../secrets/secret-store.js';
import { QueueCipher, QueueDecryptError, loadQueueKey } from './queue-crypto.js';

describe('QueueCipher', () => {
  const cipher = new QueueCipher(randomBytes(32));

  it('round-trips bytes and JSON with a fresh nonce each time', () => {
    const plain = Buffer.from('Jane Doe — photo bytes');
    const a = cipher.seal(plain);
    const b = cipher.seal(plain);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
    expect(cipher.open(a).equals(plain)).toBe(true);
    expect(cipher.openJson(cipher.sealJson({ name: 'Ünïcode' }))).toEqual({ name: 'Ünïcode' });
  });

  it('detects tampering with ciphertext, tag or nonce, and a wrong key', () => {
    const sealed = cipher.seal(Buffer.from('secret name'));
    for (const index of [1, 14, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[index] = (bad[index] ?? 0) ^ 0x01;
      expect(() => cipher.open(bad)).toThrow(QueueDecryptError);
    }
    expect(() => cipher.open(sealed.subarray(0, 20))).toThrow(QueueDecryptError);
    expect(() => new QueueCipher(randomBytes(32)).open(sealed)).toThrow(QueueDecryptError);
  });
});

describe('loadQueueKey', () => {
  it('creates a 256-bit key once and then reuses it', async () => {
    const store = new InMemorySecretStore();
    const first = await loadQueueKey(store);
    expect(first.length).toBe(32);
    expect(await store.get(secretAccounts.queueKey)).toBe(first.toString('base64'));
    expect((await loadQueueKey(store)).equals(first)).toBe(true);
  });

  it('refuses a malformed stored key', async () => {
    const store = new InMemorySecretStore();
    await store.set(secretAccounts.queueKey, Buffer.alloc(8).toString('base64'));
    await expect(loadQueueKey(store)).rejects.toThrow(/malformed/);
  });
});
