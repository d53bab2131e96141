import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/core/app/create-app.js';
import { createOzClient } from '../../src/core/oz/index.js';
import { BLOB_DIR } from '../../src/core/queue/blob-store.js';
import { personMeta, photos, tempDir } from '../../src/core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { makePhoto } from '../helpers/make-jpeg.js';

const modeOf = (p: string): number => statSync(p).mode & 0o777;

/** Every folder under `root` and every file in them, for the assertion to name the offender. */
function walk(root: string): { readonly dirs: string[]; readonly files: string[] } {
  const dirs = [root];
  const files: string[] = [];
  for (let i = 0; i < dirs.length; i += 1) {
    for (const entry of readdirSync(dirs[i] as string, { withFileTypes: true })) {
      (entry.isDirectory() ? dirs : files).push(join(dirs[i] as string, entry.name));
    }
  }
  return { dirs, files };
}

function expectPrivate(paths: { readonly dirs: readonly string[]; readonly files: readonly string[] }): void {
  expect(Object.fromEntries(paths.dirs.map((d) => [d, modeOf(d).toString(8)]))).toEqual(Object.fromEntries(paths.dirs.map((d) => [d, '700'])));
  expect(Object.fromEntries(paths.files.map((f) => [f, modeOf(f).toString(8)]))).toEqual(Object.fromEntries(paths.files.map((f) => [f, '600'])));
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('data-modes');
});
afterEach(() => tmp.remove());

/** A folder someone made earlier with everyday modes, as `mkdir` under umask 022 would. */
function looseFolder(...parts: string[]): string {
  const dir = join(tmp.dir, ...parts);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

describe('data files are 0600 in 0700 folders, even in folders that were 0755', () => {
  it('the desk: database, its -wal and -shm, the queued photos', async () => {
    const dataDir = looseFolder('desk');
    looseFolder('desk', BLOB_DIR);
    writeFileSync(join(dataDir, 'desk.db'), '', { mode: 0o644 });
    const app = await createApp({
      dataDir,
      host: 'browser',
      secretStore: new InMemorySecretStore(),
      emit: () => undefined,
      version: '0.0.0',
      platform: process.platform,
      localSandbox: null,
      restoreSession: false,
    });
    try {
      await app.context.queue.enqueueCreatePerson({ collectionId: '5f0c7a52-0d3e-4c55-9d0b-2b8f8c3b7a11', metaData: personMeta('Mode', 'Test') }, await photos(2));
      const found = walk(dataDir);
      expect(found.files).toEqual(expect.arrayContaining([join(dataDir, 'desk.db'), join(dataDir, 'desk.db-wal'), join(dataDir, 'desk.db-shm')]));
      expect(found.files.filter((f) => f.startsWith(join(dataDir, BLOB_DIR)))).toHaveLength(2);
      expectPrivate(found);
    } finally {
      await app.dispose();
    }
  });

  it('the sandbox: its database and the photo blobs it stores', async () => {
    const dataDir = looseFolder('desk', 'sandbox');
    looseFolder('desk', 'sandbox', 'blobs');
    const sandbox = await startSandbox({ port: 0, dataDir, seedDemo: true });
    try {
      const demo = sandbox.demo!;
      const { client, session } = createOzClient({ baseUrl: sandbox.url, email: demo.email, password: demo.password });
      await session.signIn();
      await client.createPerson(demo.collectionId, { photos: [await makePhoto(5)] });
      const found = walk(dataDir);
      expect(found.files).toEqual(expect.arrayContaining([join(dataDir, 'sandbox.db'), join(dataDir, 'sandbox.db-wal'), join(dataDir, 'sandbox.db-shm')]));
      expect(found.files.some((f) => f.startsWith(join(dataDir, 'blobs')))).toBe(true);
      expectPrivate(found);
    } finally {
      await sandbox.close();
    }
  });
});
