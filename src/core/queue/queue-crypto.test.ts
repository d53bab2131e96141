import { describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../secrets/in-memory-secret-store.js';
import { secretAccounts } from '../secrets/secret-store.js';
import { QueueCipher, QueueDecryptError } from './queue-crypto.js';

describe('QueueCipher', () => {
  it('creates its keychain key on unlock and reads what it sealed', async () => {
    const store = new InMemorySecretStore();
    const cipher = new QueueCipher(store);
    expect(() => cipher.seal(Buffer.from('x'))).toThrow(QueueDecryptError);
    await cipher.unlock();
    expect(await store.get(secretAccounts.queueKey)).not.toBeNull();
    expect(cipher.openJson(cipher.sealJson({ name: 'Ünïcode' }))).toEqual({ name: 'Ünïcode' });
  });

  it('after forget, keeps the key the keychain still holds and takes a new one when it was deleted', async () => {
    const store = new InMemorySecretStore();
    const cipher = new QueueCipher(store);
    await cipher.unlock();
    const sealed = cipher.seal(Buffer.from('before'));
    cipher.forget();
    await cipher.unlock();
    expect(cipher.open(sealed).toString()).toBe('before');

    await store.delete(secretAccounts.queueKey);
    cipher.forget();
    await cipher.unlock();
    const stored = await store.get(secretAccounts.queueKey);
    expect(stored).not.toBeNull();
    expect(() => cipher.open(sealed)).toThrow(QueueDecryptError);
    // What is sealed now opens with the key the keychain holds (a restart reads that one).
    const again = new QueueCipher(store);
    await again.unlock();
    expect(again.open(cipher.seal(Buffer.from('after'))).toString()).toBe('after');
  });

  it('concurrent unlocks with no key yet (first run, or after a reset) create one key: all sealed meanwhile opens after a restart', async () => {
    const inner = new InMemorySecretStore();
    // A keychain that answers slowly, later writes first (as a busy Secret Service may).
    let writes = 0;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const store = {
      get: async (account: string) => (await pause(5), inner.get(account)),
      set: async (account: string, secret: string) => (await pause(30 - 10 * writes++), inner.set(account, secret)),
      delete: (account: string) => inner.delete(account),
    };
    const cipher = new QueueCipher(store);
    const sealed = await Promise.all([0, 1, 2].map(async (i) => {
      await cipher.unlock();
      return cipher.seal(Buffer.from(`photo ${i}`));
    }));
    const restarted = new QueueCipher(store);
    await restarted.unlock();
    expect(sealed.map((s) => restarted.open(s).toString())).toEqual(['photo 0', 'photo 1', 'photo 2']);
  });

  it('refuses a malformed stored key rather than replacing it (that would lose the queue)', async () => {
    const store = new InMemorySecretStore();
    await store.set(secretAccounts.queueKey, Buffer.alloc(8).toString('base64'));
    await expect(new QueueCipher(store).unlock()).rejects.toThrow(/malformed/);
  });
});
