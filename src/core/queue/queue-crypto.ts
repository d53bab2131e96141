import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretAccounts, type SecretStore } from '../secrets/secret-store.js';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

/** The stored data failed authentication (tampered, truncated or another key). */
export class QueueDecryptError extends Error {
  override readonly name = 'QueueDecryptError';
}

/** AES-256-GCM with a random 96-bit nonce per message: `version | nonce | tag | ciphertext`. */
export class QueueCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('The queue key must be 256 bits.');
    this.#key = key;
  }

  seal(plain: Uint8Array): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), body]);
  }

  open(sealed: Uint8Array): Buffer {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (data.length < HEADER_BYTES || data[0] !== VERSION) throw new QueueDecryptError('Unknown or truncated queue record.');
    const nonce = data.subarray(1, 1 + NONCE_BYTES);
    const tag = data.subarray(1 + NONCE_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv(ALGORITHM, this.#key, nonce);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new QueueDecryptError('Queue record failed authentication (tampered or encrypted with another key).');
    }
  }

  sealJson(value: unknown): Buffer {
    return this.seal(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  openJson(sealed: Uint8Array): unknown {
    return JSON.parse(this.open(sealed).toString('utf8')) as unknown;
  }
}

/** The queue key from the keychain, created on first use. */
export async function loadQueueKey(store: SecretStore): Promise<Buffer> {
  const existing = await store.get(secretAccounts.queueKey);
  if (existing !== null) {
    const key = Buffer.from(existing, 'base64');
    if (key.length !== 32) throw new Error('The queue key in the keychain is malformed.');
    return key;
  }
  const key = randomBytes(32);
  await store.set(secretAccounts.queueKey, key.toString('base64'));
  return key;
}
