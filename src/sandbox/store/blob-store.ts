import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from './private-files.js';

// Image bytes live beside the database (files) or in memory for tests.
export interface BlobStore {
  put(key: string, bytes: Buffer): void;
  get(key: string): Buffer | null;
  remove(key: string): void;
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();
  put(key: string, bytes: Buffer): void {
    this.blobs.set(key, bytes);
  }
  get(key: string): Buffer | null {
    return this.blobs.get(key) ?? null;
  }
  remove(key: string): void {
    this.blobs.delete(key);
  }
}

const safeKey = /^[a-z]+\/[0-9a-f-]{36}$/;

export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {
    ensurePrivateDir(root);
  }

  private pathOf(key: string): string {
    if (!safeKey.test(key)) throw new Error(`bad blob key ${key}`);
    return join(this.root, key);
  }

  put(key: string, bytes: Buffer): void {
    const path = this.pathOf(key);
    ensurePrivateDir(join(path, '..'));
    writeFileSync(path, bytes, { mode: 0o600 });
    // writeFileSync's mode applies only to a new file.
    chmodSync(path, 0o600);
  }

  get(key: string): Buffer | null {
    try {
      return readFileSync(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  remove(key: string): void {
    rmSync(this.pathOf(key), { force: true });
  }
}
