import { AesGcm, DecryptError } from '../crypto/aes-gcm.js';
import { loadOrCreateKey } from '../crypto/keychain-key.js';
import { secretAccounts, type SecretStore } from '../secrets/secret-store.js';

export { DecryptError as QueueDecryptError } from '../crypto/aes-gcm.js';

/**
 * The queue's AES-256-GCM over its keychain key. After a reset the key is forgotten, and
 * the next `unlock()` reads the keychain again: a new key when the reset deleted it, so
 * nothing sealed after a reset depends on a key the keychain no longer holds.
 */
export class QueueCipher {
  readonly #store: SecretStore;
  #aes: AesGcm | null = null;
  // One keychain read at a time: concurrent unlocks after a reset (a dry run stages two or
  // three photos at once) must not each create a key and leave files sealed under a lost one.
  #unlocking: Promise<void> | null = null;

  constructor(store: SecretStore) {
    this.#store = store;
  }

  /** Loads the key (creating it when the keychain has none); call before sealing or opening. */
  async unlock(): Promise<void> {
    if (this.#aes !== null) return;
    this.#unlocking ??= loadOrCreateKey(this.#store, secretAccounts.queueKey, 'throw')
      .then((key) => {
        this.#aes = new AesGcm(key);
      })
      .finally(() => {
        this.#unlocking = null;
      });
    await this.#unlocking;
  }

  forget(): void {
    this.#aes = null;
  }

  seal(plain: Uint8Array): Buffer {
    return this.#current().seal(plain);
  }

  open(sealed: Uint8Array): Buffer {
    return this.#current().open(sealed);
  }

  sealJson(value: unknown): Buffer {
    return this.#current().sealJson(value);
  }

  openJson(sealed: Uint8Array): unknown {
    return this.#current().openJson(sealed);
  }

  #current(): AesGcm {
    if (this.#aes === null) throw new DecryptError('The queue key is not loaded.');
    return this.#aes;
  }
}
