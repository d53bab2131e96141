import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeTempDir, uniqueWideFace } from '../../../test/fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../test/helpers/sandbox.js';
import { enrollmentIdOf } from '../../core/queue/reconcile.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../shared/domain/consent.js';
import type { OzClient } from '../../core/oz/index.js';

const repo = join(import.meta.dirname, '../../..');
let sb: Sandbox;
let client: OzClient;
let temp: Awaited<ReturnType<typeof makeTempDir>>;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { OZ_API_URL: sb.url, OZ_EMAIL: sb.demo?.email ?? '', OZ_PASSWORD: sb.demo?.password ?? '' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/enroll-desk', ...args], { cwd: repo, env: { ...process.env, ...base, ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code as number) : 0;
      resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr });
    });
  });
}

async function person(root: string, name: string, seeds: readonly number[]): Promise<void> {
  await mkdir(join(root, name), { recursive: true });
  for (const seed of seeds) await writeFile(join(root, name, `p${seed}.jpg`), await (await uniqueWideFace(seed)).jpeg().toBuffer());
}

async function personCount(): Promise<number> {
  let n = 0;
  for await (const _ of client.iteratePersons(sb.demo?.collectionId ?? '')) n += 1;
  return n;
}

const consentFlag = ['--consent-version', DEFAULT_CONSENT_TEXT_VERSION];

beforeAll(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb)).client;
  temp = await makeTempDir('enroll-desk-cli-import-');
  await person(join(temp.dir, 'clean'), 'Alice Good', [31, 32]);
  await person(join(temp.dir, 'clean'), 'Bob Good', [33]);
  await person(join(temp.dir, 'mixed'), 'Dora Mixed', [34]);
  await writeFile(join(temp.dir, 'mixed', 'Dora Mixed', 'notes.jpg'), 'not a photo');
  await writeFile(join(temp.dir, 'mixed', 'stray.jpg'), await (await uniqueWideFace(35)).jpeg().toBuffer());
  await person(join(temp.dir, 'quality'), 'Gina Good', [36]);
  await person(join(temp.dir, 'late'), 'Eve Late', [38]);
  await mkdir(join(temp.dir, 'quality', 'Dan Dark'), { recursive: true });
  await writeFile(join(temp.dir, 'quality', 'Dan Dark', 'dark.jpg'), await sharp(await (await uniqueWideFace(37)).jpeg().toBuffer()).linear(0.25, 0).jpeg().toBuffer());
}, 60_000);

afterAll(async () => {
  await sb.close();
  await temp.cleanup();
});

describe('enroll-desk import', () => {
  it('exits 2 on usage errors: no collection, no consent, unknown alias, unreachable server with no known collection, bad password', async () => {
    const data = ['--data', join(temp.dir, 'desk-usage')];
    const noCollection = await cli(['import', join(temp.dir, 'clean'), ...data]);
    expect(noCollection.code).toBe(2);
    expect(noCollection.stderr).toContain('--collection');

    const noConsent = await cli(['import', join(temp.dir, 'clean'), '--collection', 'demo-watchlist', ...data]);
    expect(noConsent.code).toBe(2);
    expect(noConsent.stderr).toContain(`--consent-version ${DEFAULT_CONSENT_TEXT_VERSION}`);

    const unknown = await cli(['import', join(temp.dir, 'clean'), '--collection', 'no-such-list', '--json', ...consentFlag, ...data]);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ exitCode: 2, error: expect.stringContaining('--create-collection') });

    // Offline, the alias resolves only from the collections the app last saw: none on this desk.
    const offline = await cli(['import', join(temp.dir, 'clean'), '--collection', 'demo-watchlist', ...consentFlag, ...data, '--server', 'http://127.0.0.1:9']);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('cannot be reached');
    expect(offline.stderr).toContain('--collection-id <uuid>');

    // Bad credentials cannot be queued around.
    const badPassword = await cli(['import', join(temp.dir, 'clean'), '--collection', 'demo-watchlist', ...consentFlag, ...data], { OZ_PASSWORD: 'wrong-password' });
    expect(badPassword.code).toBe(2);
    expect(badPassword.stderr).toContain(`Cannot sign in to ${sb.url}`);
    expect(await personCount()).toBe(0);
  }, 120_000);

  it('a dry run enrolls nobody; the import exits 0, and a re-run skips every duplicate', async () => {
    const data = ['--data', join(temp.dir, 'desk-clean')];
    const dry = await cli(['import', join(temp.dir, 'clean'), '--collection', 'demo-watchlist', '--dry-run', '--json', ...data]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, counts: { persons: 2, photosAccepted: 3, photosRefused: 0 } });
    expect(await personCount()).toBe(0);

    const first = await cli(['import', join(temp.dir, 'clean'), '--collection', 'demo-watchlist', '--json', ...consentFlag, ...data]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as { counts: { persons: { enrolled: number } }; files: { status: string; personId?: string; sha256?: string }[] };
    expect(summary.counts.persons).toMatchObject({ enrolled: 2, failed: 0, photos: 3 });
    expect(summary.files).toHaveLength(3);
    expect(summary.files.every((f) => f.status === 'enrolled' && typeof f.personId === 'string' && /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true);
    expect(await personCount()).toBe(2);

    // A CLI import is an operator action: the desk's audit log has it, ids and counts only.
    const exported = await cli(['audit', 'export', '--json', ...data]);
    expect(exported.code).toBe(0);
    const entries = JSON.parse(exported.stdout) as { action: string; operator: string | null; counts?: Record<string, number> | null }[];
    expect(entries.map((e) => e.action)).toEqual(['consentConfirmed', 'personCreated', 'personCreated', 'importConfirmed']);
    expect(entries.every((e) => e.operator === 'admin@demo.bank')).toBe(true);
    expect(exported.stdout).not.toMatch(/Alice|Bob|Good/);
    expect((await cli(['audit', 'verify', ...data])).code).toBe(0);

    // Same desk: its own record. Another desk: the server's listing. Neither enrolls anyone twice.
    for (const desk of ['desk-clean', 'desk-other']) {
      const again = await cli(['import', join(temp.dir, 'clean'), '--collection', 'demo-watchlist', '--json', ...consentFlag, '--data', join(temp.dir, desk)]);
      expect(again.code, desk).toBe(0);
      const rerun = JSON.parse(again.stdout) as { counts: { duplicates: number; persons: { enrolled: number; skipped: number } }; files: { status: string; reason?: string }[] };
      expect(rerun.counts.duplicates).toBe(3);
      expect(rerun.counts.persons).toMatchObject({ enrolled: 0, skipped: 2 });
      expect(rerun.files.map((f) => f.reason)).toEqual(['already_enrolled', 'already_enrolled', 'already_enrolled']);
    }
    expect(await personCount()).toBe(2);
  }, 180_000);

  it('exits 1 when files are refused, still enrolling the good ones, with a readable table', async () => {
    const run = await cli(['import', join(temp.dir, 'mixed'), '--collection', 'demo-watchlist', ...consentFlag, '--data', join(temp.dir, 'desk-mixed')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/persons enrolled\s+1/);
    expect(run.stdout).toMatch(/files refused\s+2/);
    expect(run.stdout).toContain('notes.jpg');
    expect(run.stdout).toContain('stray.jpg');
    expect(await personCount()).toBe(3);
  }, 120_000);

  it('refuses photos flagged by the face-quality checks with their reason (exit 1); --accept-quality-warnings enrolls them with the note', async () => {
    const data = ['--data', join(temp.dir, 'desk-quality')];
    const before = await personCount();
    const refused = await cli(['import', join(temp.dir, 'quality'), '--collection', 'demo-watchlist', '--json', ...consentFlag, ...data]);
    expect(refused.code).toBe(1);
    const summary = JSON.parse(refused.stdout) as { counts: { flagged: number; persons: { enrolled: number; skipped: number } }; files: { path: string; status: string; reason?: string; message?: string }[] };
    expect(summary.counts.flagged).toBe(1);
    expect(summary.counts.persons).toMatchObject({ enrolled: 1, skipped: 1 });
    const dark = summary.files.find((f) => f.path.endsWith('dark.jpg'));
    expect(dark).toMatchObject({ status: 'refused', reason: 'quality_too_dark', message: expect.stringContaining('too dark') });
    expect(await personCount()).toBe(before + 1);

    const table = await cli(['import', join(temp.dir, 'quality'), '--collection', 'demo-watchlist', '--dry-run', ...data]);
    expect(table.stdout).toMatch(/flagged by quality\s+1/);
    expect(table.stdout).toMatch(/dark\.jpg: The face is too dark/);

    const tooShort = await cli(['import', join(temp.dir, 'quality'), '--collection', 'demo-watchlist', ...consentFlag, ...data, '--accept-quality-warnings', ' ']);
    expect(tooShort.code).toBe(2);

    const note = 'Reviewed by the branch manager.';
    const accepted = await cli(['import', join(temp.dir, 'quality'), '--collection', 'demo-watchlist', '--json', ...consentFlag, ...data, '--accept-quality-warnings', note]);
    expect(accepted.code).toBe(0);
    expect((JSON.parse(accepted.stdout) as { counts: { persons: { enrolled: number } } }).counts.persons).toMatchObject({ enrolled: 1 });
    const persons = [];
    for await (const p of client.iteratePersons(sb.demo?.collectionId ?? '')) persons.push(p);
    const dan = persons.find((p) => (p.metaData?.['person_info'] as { first_name: string }).first_name === 'Dan');
    const overrides = (dan?.metaData?.['enrollment'] as { quality_overrides?: { codes: string[]; note: string }[] }).quality_overrides;
    expect(overrides).toEqual([expect.objectContaining({ codes: expect.arrayContaining(['too_dark']), note })]);
  }, 180_000);

  it('queues the import while the server is down (exit 0); `sync` enrolls each person exactly once when it is back', async () => {
    const serverDir = join(temp.dir, 'oz-offline');
    const down = await startDemoSandbox({ dataDir: serverDir });
    const port = down.port;
    const demo = down.demo ?? { email: '', password: '', collectionId: '' };
    await down.close();
    let back: Sandbox | null = null;
    const env = { OZ_API_URL: `http://127.0.0.1:${port}`, OZ_EMAIL: demo.email, OZ_PASSWORD: demo.password };
    const data = ['--data', join(temp.dir, 'desk-offline')];
    const target = ['--collection-id', demo.collectionId];
    try {
      const dry = await cli(['import', join(temp.dir, 'clean'), ...target, '--dry-run', '--json', ...data], env);
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, offline: true, counts: { persons: 2, photosAccepted: 3 } });

      const first = await cli(['import', join(temp.dir, 'clean'), ...target, '--json', ...consentFlag, ...data], env);
      expect(first.code, first.stderr).toBe(0);
      const summary = JSON.parse(first.stdout) as { offline: boolean; counts: { persons: Record<string, number> }; files: { status: string }[] };
      expect(summary.offline).toBe(true);
      expect(summary.counts.persons).toMatchObject({ enrolled: 0, queued: 2, failed: 0, photos: 3 });
      expect(summary.files.map((f) => f.status)).toEqual(['queued', 'queued', 'queued']);

      const table = await cli(['import', join(temp.dir, 'late'), ...target, ...consentFlag, ...data], env);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/persons queued\s+1/);
      expect(table.stdout).toContain('queued 1 person — run `enroll-desk sync` (or open the app) when the server is reachable');

      // The desk's own queue still catches a re-run.
      const again = await cli(['import', join(temp.dir, 'clean'), ...target, '--json', ...consentFlag, ...data], env);
      expect(again.code).toBe(0);
      const rerun = JSON.parse(again.stdout) as { counts: { persons: Record<string, number> }; files: { reason?: string }[] };
      expect(rerun.counts.persons).toMatchObject({ queued: 0, skipped: 2 });
      expect(rerun.files.map((f) => f.reason)).toEqual(['already_queued', 'already_queued', 'already_queued']);

      const queue = await cli(['queue', '--json', ...data], env);
      expect((JSON.parse(queue.stdout) as { status: { pending: number } }).status.pending).toBe(3);

      back = await startDemoSandbox({ dataDir: serverDir, port });
      const sync = await cli(['sync', '--json', ...data], env);
      expect(sync.code, sync.stdout).toBe(0);
      const resync = await cli(['sync', '--json', ...data], env);
      expect(resync.code).toBe(0);

      const { client: restored } = await signedInClient(back);
      const ids: (string | null)[] = [];
      for await (const p of restored.iteratePersons(demo.collectionId)) ids.push(enrollmentIdOf(p.metaData));
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(ids.every((id) => id !== null)).toBe(true);
    } finally {
      await back?.close();
    }
  }, 240_000);
});
