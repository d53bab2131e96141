import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

/** Sealed data failed authentication (tampered, truncated, or sealed under another key). */
export class DecryptError extends Error {
  override readonly name = 'DecryptError';
}

/**
 * AES-256-GCM with a random 96-bit nonce per message: `version | nonce | tag | ciphertext`.
 * The one implementation the queue and the cache seal their data with.
 */
export class AesGcm {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('An AES-256 key must be 256 bits.');
    this.#key = key;
  }

  static randomKey(): Buffer {
    return randomBytes(32);
  }

  seal(plain: Uint8Array): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), body]);
  }

  open(sealed: Uint8Array): Buffer {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (data.length < HEADER_BYTES || data[0] !== VERSION) throw new DecryptError('Unknown or truncated sealed record.');
    const decipher = createDecipheriv(ALGORITHM, this.#key, data.subarray(1, 1 + NONCE_BYTES));
    decipher.setAuthTag(data.subarray(1 + NONCE_BYTES, HEADER_BYTES));
    try {
      return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new DecryptError('Sealed record failed authentication (tampered or sealed with another key).');
    }
  }

  sealJson(value: unknown): Buffer {
    return this.seal(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  openJson(sealed: Uint8Array): unknown {
    return JSON.parse(this.open(sealed).toString('utf8')) as unknown;
  }
}
