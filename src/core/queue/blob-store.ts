import { randomBytes } from 'node:crypto';
import { open, rename } from 'node:fs/promises';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../storage/private-files.js';
import type { QueueCipher } from './queue-crypto.js';

export const BLOB_DIR = 'queue-blobs';

/** Encrypted photo files named by a random id (never the hash, which would identify the photo). */
export class QueueBlobStore {
  readonly dir: string;
  readonly #cipher: QueueCipher;

  constructor(dataDir: string, cipher: QueueCipher) {
    this.dir = path.join(dataDir, BLOB_DIR);
    this.#cipher = cipher;
    ensurePrivateDir(this.dir);
  }

  /** Writes and fsyncs the blob before returning, so a committed row never points at nothing. */
  write(plain: Uint8Array): string {
    const id = randomBytes(16).toString('hex');
    const tmp = path.join(this.dir, `${id}.tmp`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, this.#cipher.seal(plain));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.#file(id));
    return id;
  }

  /** As `write`, off the main thread: the dry run stages photos while sharp works. */
  async writeAsync(plain: Uint8Array): Promise<string> {
    const id = randomBytes(16).toString('hex');
    const tmp = path.join(this.dir, `${id}.tmp`);
    const file = await open(tmp, 'w', 0o600);
    try {
      await file.writeFile(this.#cipher.seal(plain));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, this.#file(id));
    return id;
  }

  read(id: string): Buffer {
    return this.#cipher.open(readFileSync(this.#file(id)));
  }

  delete(id: string): void {
    rmSync(this.#file(id), { force: true });
  }

  /** Deletes every photo file (a queue reset); the folder stays for the next enqueue. */
  clear(): void {
    for (const name of readdirSync(this.dir)) rmSync(path.join(this.dir, name), { force: true });
  }

  /**
   * Deletes blob files no row references, left by a crash between writing a blob and
   * committing its row (or between confirming and deleting). Only files older than
   * `minAgeMs`: another process may be about to commit a fresh one.
   */
  sweep(isReferenced: (id: string) => boolean, nowMs: number, minAgeMs: number): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const id = name.replace(/\.(blob|tmp)$/, '');
      const file = path.join(this.dir, name);
      const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
      if (mtimeMs === undefined || nowMs - mtimeMs < minAgeMs) continue;
      if (name.endsWith('.tmp') || !isReferenced(id)) {
        rmSync(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #file(id: string): string {
    if (!/^[0-9a-f]{32}$/.test(id)) throw new Error('Invalid queue blob id.');
    return path.join(this.dir, `${id}.blob`);
  }
}
