import { spawn } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOzClient, type OzClient } from '../../src/core/oz/index.js';
import { enrollmentIdOf, uploadName } from '../../src/core/queue/reconcile.js';
import { distinctJpeg, sha256Of, tempDir } from '../../src/core/queue/testing/queue-test-kit.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import type { KillManifest } from './sync-child.js';

const RUNS = 50;
const PERSONS = 100;
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sync-child.ts');

interface RunResult {
  readonly killed: boolean;
  readonly code: number | null;
  readonly output: string;
}

/** Starts the child; SIGKILLs it `killAfterMs` after it reports "started" (never when null). */
function runChild(envVars: NodeJS.ProcessEnv, killAfterMs: number | null): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, ...envVars }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      if (killAfterMs !== null && !before.includes('started') && output.includes('started')) {
        setTimeout(() => {
          killed = proc.exitCode === null && proc.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code) => resolve({ killed, code, output }));
  });
}

describe('kill suite: SIGKILL the syncing process at random moments', () => {
  const serverDir = tempDir('kill-server');
  const deskDir = tempDir('kill-desk');
  const fixtures = tempDir('kill-fixtures');
  let sandbox: RunningSandbox;
  let client: OzClient;
  let manifest: KillManifest;

  beforeAll(async () => {
    // Latency keeps requests in flight long enough for kills to land mid-request.
    sandbox = await startSandbox({ port: 0, dataDir: serverDir.dir, seedDemo: true, faults: 'latency=20-120' });
    const demo = sandbox.demo!;
    ({ client } = createOzClient({ baseUrl: sandbox.url, email: demo.email, password: demo.password }));
    const persons: KillManifest['persons'][number][] = [];
    for (let i = 0; i < PERSONS; i += 1) {
      const count = i % 10 === 0 ? 12 : 1 + (i % 3);
      const files: string[] = [];
      for (let j = 0; j < count; j += 1) {
        const name = `p${i}-${j}.jpg`;
        writeFileSync(path.join(fixtures.dir, name), await distinctJpeg(24));
        files.push(name);
      }
      persons.push({ enrollmentId: randomUUID(), name: `Killed${i}`, files });
    }
    manifest = { collectionId: demo.collectionId, persons };
    writeFileSync(path.join(fixtures.dir, 'manifest.json'), JSON.stringify(manifest));
  });

  afterAll(async () => {
    await sandbox.close();
    for (const d of [serverDir, deskDir, fixtures]) d.remove();
  });

  it('ends with each of the 100 persons on the server exactly once, with all photos', { timeout: 300_000 }, async () => {
    const demo = sandbox.demo!;
    const envVars = {
      KILL_FIXTURES: fixtures.dir,
      KILL_DESK_DIR: deskDir.dir,
      KILL_SERVER_URL: sandbox.url,
      KILL_EMAIL: demo.email,
      KILL_PASSWORD: demo.password,
      KILL_QUEUE_KEY: randomBytes(32).toString('base64'),
    };
    let kills = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const result = await runChild(envVars, randomInt(50, 600));
      if (result.killed) kills += 1;
      else expect(result.code, result.output).toBe(0);
    }
    const final = await runChild(envVars, null);
    expect(final.code, final.output).toBe(0);
    expect(kills).toBeGreaterThan(RUNS / 2);

    const found = new Map<string, string[]>();
    for await (const p of client.iteratePersons(demo.collectionId)) {
      const id = enrollmentIdOf(p.metaData);
      if (id !== null) found.set(id, [...(found.get(id) ?? []), p.personId]);
    }
    expect(found.size).toBe(PERSONS);
    expect([...found].filter(([, ids]) => ids.length !== 1)).toEqual([]);
    for (const person of manifest.persons) {
      const personId = found.get(person.enrollmentId)?.[0] as string;
      const images = await client.listPersonImages(demo.collectionId, personId);
      const want = person.files.map((f) => uploadName(sha256Of(readFileSync(path.join(fixtures.dir, f)))));
      expect(images.map((i) => i.originalName).sort()).toEqual(want.sort());
    }
  });
});
