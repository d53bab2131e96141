import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncWorker } from './sync-worker.js';
import { distinctJpeg, personMeta, photoOf } from './testing/queue-test-kit.js';
import { startSandboxQueueEnv, type SandboxQueueEnv } from './testing/sandbox-env.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const names = ['Zéphyrine', 'Okonkwo-Bartholomew', 'Wolfeschlegel'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every file of the data folder (db, -wal, -shm, blobs) must reveal no photo and no name. */
function leaks(dir: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    if (bytes.includes(JPEG)) found.push(`${file}: JPEG signature`);
    if (bytes.includes(PNG)) found.push(`${file}: PNG signature`);
    for (const n of names) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(n, enc))) found.push(`${file}: name ${n} (${enc})`);
      }
    }
  }
  return found;
}

describe('data folder at rest', () => {
  let env: SandboxQueueEnv;
  beforeEach(async () => {
    env = await startSandboxQueueEnv();
  });
  afterEach(async () => {
    await env.close();
  });

  it('holds no photo bytes and no enrolled name in clear, before and after sync', async () => {
    for (const [i, last] of names.entries()) {
      const jpeg = await distinctJpeg(64);
      await env.queue.enqueueCreatePerson(
        { collectionId: env.demo.collectionId, metaData: personMeta(`First${i}`, last) },
        [photoOf(jpeg, `${last}-portrait.jpg`)],
      );
    }
    const files = filesUnder(env.dataDir).map((f) => path.basename(f));
    expect(files).toEqual(expect.arrayContaining(['desk.db', 'desk.db-wal']));
    expect(files.filter((f) => f.endsWith('.blob'))).toHaveLength(3);
    expect(leaks(env.dataDir)).toEqual([]);
    // The check itself must be able to fail: the plain name is findable in a plain file.
    expect(Buffer.from(`x${names[0]}x`).includes(Buffer.from(names[0]!))).toBe(true);

    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client });
    expect((await worker.syncNow()).sent).toBe(3);
    await worker.stop();
    expect(filesUnder(env.dataDir).filter((f) => f.endsWith('.blob'))).toHaveLength(0);
    expect(leaks(env.dataDir)).toEqual([]);
    const withNames = env.queue.list({ limit: 10, offset: 0, withNames: true }).map((v) => v.displayName);
    expect(withNames).toEqual(names.map((n, i) => `First${i} ${n}`));
  });
});
