import type { SecretStore } from '../secrets/secret-store.js';
import { AesGcm } from './aes-gcm.js';

/**
 * A 256-bit key kept base64 in the keychain under `account`, created on first use.
 * `onMalformed: 'replace'` is for keys that only protect a copy (the cache): a damaged
 * one is replaced; otherwise it is refused, since replacing it would lose the data.
 */
export async function loadOrCreateKey(store: SecretStore, account: string, onMalformed: 'throw' | 'replace'): Promise<Buffer> {
  const existing = await store.get(account);
  if (existing !== null) {
    const key = Buffer.from(existing, 'base64');
    if (key.length === 32) return key;
    if (onMalformed === 'throw') throw new Error(`The key "${account}" in the keychain is malformed.`);
  }
  const key = AesGcm.randomKey();
  await store.set(account, key.toString('base64'));
  return key;
}
