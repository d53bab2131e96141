import { AesGcm } from '../../crypto/aes-gcm.js';
import { loadOrCreateKey } from '../../crypto/keychain-key.js';
import { secretAccounts, type SecretStore } from '../../secrets/secret-store.js';

/**
 * AES-256-GCM for personal fields kept in the cache. Opening never throws: the cache is
 * only a copy, so a record sealed under another key (or tampered with) reads as null.
 * After `forget()` (a wipe) the next seal takes a fresh key and stores it in the keychain.
 */
export class CacheCipher {
  #aes: AesGcm | null;
  readonly #persist: (key: Buffer) => Promise<void>;

  constructor(key: Buffer | null, persist: (key: Buffer) => Promise<void> = async () => undefined) {
    this.#aes = key === null ? null : new AesGcm(key);
    this.#persist = persist;
  }

  seal(text: string): Buffer {
    return this.#current().seal(Buffer.from(text, 'utf8'));
  }

  open(sealed: Uint8Array): string | null {
    if (this.#aes === null) return null;
    try {
      return this.#aes.open(sealed).toString('utf8');
    } catch {
      return null;
    }
  }

  forget(): void {
    this.#aes = null;
  }

  #current(): AesGcm {
    if (this.#aes === null) {
      const key = AesGcm.randomKey();
      this.#aes = new AesGcm(key);
      // Stored in the background: should it fail, only this copy's names become unreadable after a restart.
      this.#persist(key).catch(() => undefined);
    }
    return this.#aes;
  }
}

/** The cache's cipher over its keychain key, created on first use (a damaged key is replaced). */
export async function loadCacheCipher(store: SecretStore): Promise<CacheCipher> {
  const key = await loadOrCreateKey(store, secretAccounts.cacheKey, 'replace');
  return new CacheCipher(key, (fresh) => store.set(secretAccounts.cacheKey, fresh.toString('base64')));
}
