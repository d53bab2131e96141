import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretAccounts, type SecretStore } from '../../secrets/secret-store.js';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM for personal fields kept in the cache: `nonce | tag | ciphertext`. */
export class CacheCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('The cache key must be 256 bits.');
    this.#key = key;
  }

  seal(text: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  /** Null when the record fails authentication (another key, tampering): the cache is only a copy. */
  open(sealed: Uint8Array): string | null {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (data.length < NONCE_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(data.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** The cache key from the keychain, created on first use. */
export async function loadCacheKey(store: SecretStore): Promise<Buffer> {
  const existing = await store.get(secretAccounts.cacheKey);
  if (existing !== null) {
    const key = Buffer.from(existing, 'base64');
    if (key.length === 32) return key;
  }
  // A missing or damaged key only costs the cached copy: names sealed under it become unreadable.
  const key = randomBytes(32);
  await store.set(secretAccounts.cacheKey, key.toString('base64'));
  return key;
}
