import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import { makeTempDir, uniqueWideFace } from '../fixtures/corpus.js';
import { repoRoot } from '../helpers/cli.js';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy.js';

// The trial: 20% 503, 25% reset after commit, 0–200 ms latency, and the CLI
// SIGKILLed at random moments of import and sync; then import and sync are simply run again.
const FAULTS = '5xx=0.2:503,reset=0.25,latency=0-200';
const PERSONS = 11;
const PHOTOS_PER_PERSON = 2;
const MIN_KILLS = 30;
const MAX_ROUNDS = 60;

interface Run {
  readonly killed: boolean;
  readonly code: number | null;
  readonly output: string;
}

/** When to kill: after the run's n-th request to the server (mid-send), or after n ms (e.g. mid-scan or mid-queueing). */
type KillAt = { readonly request: number } | { readonly afterMs: number } | null;

const randomKill = (requests: number): KillAt => (randomInt(2) === 0 ? { request: randomInt(1, requests + 1) } : { afterMs: randomInt(300, 3_000) });

/** Runs `enroll-desk <args>` and SIGKILLs it as `killAt` says (plus up to 120 ms), unless it ended first. */
function runCli(proxy: FlakyProxy, args: readonly string[], env: NodeJS.ProcessEnv, killAt: KillAt): Promise<Run> {
  const child = spawn(process.execPath, ['bin/enroll-desk', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let killed = false;
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const seenAtStart = proxy.log.length;
  const startedAt = Date.now();
  const due = (): boolean => killAt !== null && ('request' in killAt ? proxy.log.length - seenAtStart >= killAt.request : Date.now() - startedAt >= killAt.afterMs);
  const watch =
    killAt === null
      ? null
      : setInterval(() => {
          if (!due()) return;
          if (watch !== null) clearInterval(watch);
          setTimeout(() => {
            killed = child.exitCode === null && child.kill('SIGKILL');
          }, randomInt(0, 120));
        }, 5);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (watch !== null) clearInterval(watch);
      resolve({ killed, code, output });
    });
  });
}

/** The server's view in raw HTTP (no desk code): person → its photos' file names. */
async function personsOnServer(url: string, email: string, password: string, collectionId: string): Promise<Map<string, string[][]>> {
  const auth = await fetch(`${url}/api/authorize/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credentials: { email, password } }) });
  const token = ((await auth.json()) as { access_token: string }).access_token;
  const get = async (route: string): Promise<unknown> => {
    const res = await fetch(`${url}${route}`, { headers: { 'X-Forensic-Access-Token': token } });
    expect(res.status, route).toBe(200);
    return res.json();
  };
  const page = (await get(`/api/collections/${collectionId}/persons/?limit=1000&offset=0`)) as { items: { person_id: string; meta_data: { person_info?: { first_name?: string } } | null }[] };
  const byName = new Map<string, string[][]>();
  for (const person of page.items) {
    const images = (await get(`/api/collections/${collectionId}/persons/${person.person_id}/images/`)) as { original_name: string }[] | { items: { original_name: string }[] };
    const names = (Array.isArray(images) ? images : images.items).map((i) => i.original_name);
    const first = person.meta_data?.person_info?.first_name ?? '?';
    byName.set(first, [...(byName.get(first) ?? []), names]);
  }
  return byName;
}

describe('CLI kill trial: import and sync SIGKILLed at random under 503s, resets and latency', () => {
  let sandbox: RunningSandbox;
  let proxy: FlakyProxy;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  const folder = (): string => path.join(temp.dir, 'persons');

  beforeAll(async () => {
    temp = await makeTempDir('enroll-desk-cli-kill-');
    sandbox = await startSandbox({ port: 0, dataDir: path.join(temp.dir, 'server'), seedDemo: true, faults: FAULTS });
    // A pass-through proxy: it only counts requests, so kills can be timed to land mid-work.
    proxy = await startFlakyProxy(sandbox.url, () => 'pass');
    for (let i = 0; i < PERSONS; i += 1) {
      const dir = path.join(folder(), `Trial${i} Person`);
      await mkdir(dir, { recursive: true });
      for (let j = 0; j < PHOTOS_PER_PERSON; j += 1) await writeFile(path.join(dir, `p${j}.jpg`), await (await uniqueWideFace(200 + i * PHOTOS_PER_PERSON + j)).jpeg().toBuffer());
    }
  }, 60_000);

  afterAll(async () => {
    await proxy.close();
    await sandbox.close();
    await temp.cleanup();
  });

  it(`ends with the ${PERSONS} persons on the server exactly once with every photo, after ${MIN_KILLS}+ SIGKILLs`, { timeout: 600_000 }, async () => {
    const demo = sandbox.demo as NonNullable<RunningSandbox['demo']>;
    // The sandbox applies a request within its 200 ms of latency: a second is grace enough (not the default 15 s).
    const env = { OZ_API_URL: proxy.url, OZ_EMAIL: demo.email, OZ_PASSWORD: demo.password, ENROLL_DESK_RECONCILE_GRACE_MS: '1000' };
    const data = ['--data', path.join(temp.dir, 'desk')];
    const importArgs = ['import', folder(), '--collection', 'demo-watchlist', '--consent-version', DEFAULT_CONSENT_TEXT_VERSION, '--wait', '2m', ...data];
    const syncArgs = ['sync', '--wait', '2m', ...data];
    let kills = 0;
    const codes: (number | null)[] = [];
    for (let round = 0; round < MAX_ROUNDS && kills < MIN_KILLS; round += 1) {
      // Syncs are cheap (no photo checks): two per import keep the trial's run time modest.
      for (const [args, requests] of [[importArgs, 14], [syncArgs, 8], [syncArgs, 8]] as const) {
        const run = await runCli(proxy, args, env, randomKill(requests));
        if (run.killed) kills += 1;
        else codes.push(run.code);
      }
    }
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    // A run that was not killed may still exit 3 (some persons wait), never 1 or 2: no fault is final.
    expect(codes.filter((c) => c !== 0 && c !== 3)).toEqual([]);

    // As the README says: run the import again, then sync until it exits 0.
    const finalImport = await runCli(proxy, importArgs, env, null);
    expect([0, 3], finalImport.output).toContain(finalImport.code);
    let last = finalImport;
    for (let i = 0; i < 5 && last.code !== 0; i += 1) last = await runCli(proxy, syncArgs, env, null);
    expect(last.code, last.output).toBe(0);

    sandbox.setFaults(null);
    const persons = await personsOnServer(sandbox.url, demo.email, demo.password, demo.collectionId);
    expect([...persons.keys()].sort()).toEqual(Array.from({ length: PERSONS }, (_, i) => `Trial${i}`).sort());
    for (const [name, copies] of persons) {
      expect(copies, name).toHaveLength(1);
      expect(new Set(copies[0]).size, name).toBe(PHOTOS_PER_PERSON);
    }
    const allPhotos = [...persons.values()].flatMap((copies) => copies.flat());
    expect(new Set(allPhotos).size).toBe(PERSONS * PHOTOS_PER_PERSON);
  });
});
