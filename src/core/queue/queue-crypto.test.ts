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

  it('refuses a malformed stored key rather than replacing it (that would lose the queue)', async () => {
    const store = new InMemorySecretStore();
    await store.set(secretAccounts.queueKey, Buffer.alloc(8).toString('base64'));
    await expect(new QueueCipher(store).unlock()).rejects.toThrow(/malformed/);
  });
});
