import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeTempDir, uniqueWideFace } from '../../../test/fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../test/helpers/sandbox.js';
import { enrollmentIdOf } from '../../core/queue/reconcile.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../shared/domain/consent.js';
import { deskScopeOf } from '../../shared/domain/desk-scope.js';
import type { OzClient } from '../../core/oz/index.js';
import { createApp } from '../../core/app/create-app.js';
import { dispatch } from '../../core/ipc/dispatch.js';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import { EnrolledPhotos } from '../../core/services/enroll/enrolled-photos.js';
import { openDeskDb } from '../../core/storage/open-desk-db.js';
import { startFlakyProxy, type FlakyVerdict } from '../../../test/helpers/flaky-proxy.js';

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

// These tests are about transient errors and re-enrollment: the photos derive from the same faces as

// earlier tests, which the 1:N duplicate check (its own suite) would rightly flag.

const noCheck = ['--duplicate-check', 'off'];

interface ImportSummary {
  readonly counts: { readonly persons: Record<string, number> };
  readonly persons: readonly { readonly key: string; readonly status: string; readonly personId: string | null; readonly reason: string | null }[];
  readonly files: readonly { readonly status: string; readonly sha256?: string }[];
  readonly offlineReason: string | null;
}

/** Persons of the demo collection by first name, as the server lists them (raw HTTP, no desk logic). */
async function serverPersons(): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  for await (const p of client.iteratePersons(sb.demo?.collectionId ?? '')) {
    const first = (p.metaData?.['person_info'] as { first_name?: string } | undefined)?.first_name ?? '';
    byName.set(first, [...(byName.get(first) ?? []), p.personId]);
  }
  return byName;
}

/** DELETE through raw HTTP, as the Oz console or another tool would: the desk is not told. */
async function rawDeletePerson(personId: string): Promise<void> {
  const auth = await fetch(`${sb.url}/api/authorize/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credentials: { email: sb.demo?.email, password: sb.demo?.password } }),
  });
  const { access_token: token } = (await auth.json()) as { access_token: string };
  const res = await fetch(`${sb.url}/api/collections/${sb.demo?.collectionId ?? ''}/persons/${personId}/`, { method: 'DELETE', headers: { 'X-Forensic-Access-Token': token } });
  expect(res.status).toBe(204);
}

/** Counts calls per "METHOD path-prefix" so a plan can fail the first n of them. */
function firstCalls(plan: readonly { readonly method: string; readonly path: RegExp; readonly answers: readonly FlakyVerdict[] }[]): (method: string, path: string) => FlakyVerdict {
  const seen = new Map<number, number>();
  return (method, path) => {
    const index = plan.findIndex((p) => p.method === method && p.path.test(path));
    if (index < 0) return 'pass';
    const n = seen.get(index) ?? 0;
    seen.set(index, n + 1);
    return plan[index]?.answers[n] ?? 'pass';
  };
}

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
  await person(join(temp.dir, 'flaky'), 'Fred Flaky', [41]);
  await person(join(temp.dir, 'flaky'), 'Gail Flaky', [42, 43]);
  await person(join(temp.dir, 'failing'), 'Hank Failing', [44]);
  await person(join(temp.dir, 'again'), 'Ivy Again', [45, 46]);
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
    expect(summary.counts.persons).toEqual({ enrolled: 2, queued: 0, refused: 0, skipped: 0 });
    expect(summary.files).toHaveLength(3);
    expect(summary.files.every((f) => f.status === 'enrolled' && typeof f.personId === 'string' && /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true);
    expect(await personCount()).toBe(2);

    // A CLI import is an operator action: the desk's audit log has it, ids and counts only.
    const exported = await cli(['audit', 'export', '--json', ...data]);
    expect(exported.code).toBe(0);
    const entries = JSON.parse(exported.stdout) as { action: string; operator: string | null; counts?: Record<string, number> | null }[];
    // Each accepted face was checked 1:N, in the dry run and again in the import.
    expect(entries.filter((e) => e.action === 'duplicateChecked')).toHaveLength(6);
    // Each run first records the managed policy in force (here none), as the app does at start.
    const actions = entries.filter((e) => e.action !== 'duplicateChecked').map((e) => e.action);
    expect(actions).toEqual(['policyApplied', 'policyApplied', 'consentConfirmed', 'personCreated', 'personCreated', 'importConfirmed']);
    expect(entries.filter((e) => e.action !== 'policyApplied').every((e) => e.operator === 'admin@demo.bank')).toBe(true);
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

  it('queues the import while the server is down (exit 3); `sync` enrolls each person exactly once when it is back', async () => {
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
      expect(first.code, first.stderr).toBe(3);
      const summary = JSON.parse(first.stdout) as { offline: boolean; counts: { persons: Record<string, number> }; files: { status: string }[]; persons: { status: string; reason: string }[] };
      expect(summary.offline).toBe(true);
      expect(summary.counts.persons).toEqual({ enrolled: 0, queued: 2, refused: 0, skipped: 0 });
      expect(summary.files.map((f) => f.status)).toEqual(['queued', 'queued', 'queued']);
      expect(summary.persons.map((p) => p.reason)).toEqual([expect.stringContaining('cannot be reached'), expect.stringContaining('cannot be reached')]);

      const table = await cli(['import', join(temp.dir, 'late'), ...target, ...consentFlag, ...data], env);
      expect(table.code).toBe(3);
      expect(table.stdout).toMatch(/persons still queued\s+1/);
      expect(table.stdout).toContain('1 person still queued — run `enroll-desk sync` (or this import again) when the server is reachable');

      // The desk's own queue still catches a re-run, and says those persons still wait.
      const again = await cli(['import', join(temp.dir, 'clean'), ...target, '--json', ...consentFlag, ...data], env);
      expect(again.code).toBe(3);
      const rerun = JSON.parse(again.stdout) as { counts: { persons: Record<string, number> }; files: { reason?: string }[] };
      expect(rerun.counts.persons).toEqual({ enrolled: 0, queued: 2, refused: 0, skipped: 0 });
      expect(rerun.files.map((f) => f.reason)).toEqual(['already_queued', 'already_queued', 'already_queued']);
      // The re-run staged its (already queued) photos and confirmed none: its end purged them.
      const desk = openDeskDb(join(temp.dir, 'desk-offline'));
      try {
        expect(desk.prepare('SELECT COUNT(*) AS n FROM staged_photos').get()).toEqual({ n: 0 });
      } finally {
        desk.close();
      }

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

  it('no 5xx or 429 makes a person failed: sign-in, the first collection lookup and the uploads are retried (exit 0)', async () => {
    const busy = { status: 503 };
    const tooMany = { status: 429, headers: { 'retry-after': '1' } };
    const proxy = await startFlakyProxy(sb.url, firstCalls([
      { method: 'POST', path: /^\/api\/authorize\/auth/, answers: [busy] },
      { method: 'GET', path: /^\/api\/collections\/?$/, answers: [busy, tooMany, busy] },
      { method: 'POST', path: /\/persons\/?$/, answers: [busy, tooMany] },
    ]));
    try {
      const run = await cli(['import', join(temp.dir, 'flaky'), '--collection', 'demo-watchlist', '--json', ...noCheck, ...consentFlag, '--data', join(temp.dir, 'desk-flaky')], { OZ_API_URL: proxy.url });
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as ImportSummary;
      expect(summary.counts.persons).toEqual({ enrolled: 2, queued: 0, refused: 0, skipped: 0 });
      expect(summary.persons.every((p) => p.status === 'enrolled' && p.personId !== null)).toBe(true);
      // Every planned fault was met, and the CLI came back after each.
      expect(proxy.log.filter((l) => l.verdict !== 'pass').map((l) => `${l.request.split(' ')[0]} ${l.verdict}`)).toEqual(['POST 503', 'GET 503', 'GET 429', 'GET 503', 'POST 503', 'POST 429']);
    } finally {
      await proxy.close();
    }
    const persons = await serverPersons();
    expect(persons.get('Fred')).toHaveLength(1);
    expect(persons.get('Gail')).toHaveLength(1);
    const [gail] = persons.get('Gail') ?? [];
    expect(await client.listPersonImages(sb.demo?.collectionId ?? '', gail ?? '')).toHaveLength(2);
  }, 120_000);

  it('a server that keeps failing leaves persons queued (exit 3) with the HTTP status and what to do', async () => {
    const data = ['--data', join(temp.dir, 'desk-failing')];
    const uploadsFail = await startFlakyProxy(sb.url, (method, path) => (method === 'POST' && /\/persons\/?$/.test(path) ? { status: 503 } : 'pass'));
    try {
      const run = await cli(['import', join(temp.dir, 'failing'), '--collection', 'demo-watchlist', '--json', '--wait', '4s', ...noCheck, ...consentFlag, ...data], { OZ_API_URL: uploadsFail.url });
      expect(run.code, run.stderr).toBe(3);
      const summary = JSON.parse(run.stdout) as ImportSummary;
      expect(summary.counts.persons).toEqual({ enrolled: 0, queued: 1, refused: 0, skipped: 0 });
      expect(summary.persons[0]?.reason).toMatch(/HTTP 503.*enroll-desk sync/);
    } finally {
      await uploadsFail.close();
    }
    // A lookup that keeps failing on a desk that never saw the collection: a clear usage error, with the status and a way out.
    const lookupsFail = await startFlakyProxy(sb.url, (method, path) => (method === 'GET' && /^\/api\/collections/.test(path) ? { status: 503 } : 'pass'));
    try {
      const fresh = await cli(['import', join(temp.dir, 'failing'), '--collection', 'demo-watchlist', '--wait', '1s', ...noCheck, ...consentFlag, '--data', join(temp.dir, 'desk-fresh')], { OZ_API_URL: lookupsFail.url });
      expect(fresh.code).toBe(2);
      expect(fresh.stderr).toMatch(/HTTP 503.*--collection-id <uuid>/);
      expect(fresh.stderr).not.toMatch(/: injected by the test proxy\n/);
    } finally {
      await lookupsFail.close();
    }
  }, 120_000);

  it('a person deleted through raw HTTP, or through the app, is enrolled again from the same photos', async () => {
    const dataDir = join(temp.dir, 'desk-again');
    const importAgain = async (): Promise<ImportSummary> => {
      const run = await cli(['import', join(temp.dir, 'again'), '--collection', 'demo-watchlist', '--json', ...noCheck, ...consentFlag, '--data', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as ImportSummary;
    };
    const first = await importAgain();
    expect(first.persons[0]).toMatchObject({ status: 'enrolled' });
    const firstId = first.persons[0]?.personId ?? '';

    await rawDeletePerson(firstId);
    const second = await importAgain();
    expect(second.persons[0]).toMatchObject({ status: 'enrolled' });
    const secondId = second.persons[0]?.personId ?? '';
    expect(secondId).not.toBe(firstId);
    expect((await serverPersons()).get('Ivy')).toEqual([secondId]);

    // Deleting through the app's own handler clears the desk's record in the same step.
    const app = await createApp({ dataDir, host: 'browser', secretStore: new KeytarSecretStore(), emit: () => undefined, version: 't', platform: 'linux', localSandbox: null, restoreSession: false });
    try {
      const demo = sb.demo ?? { email: '', password: '', collectionId: '' };
      expect(await dispatch(app.handlers, 'session:signIn', { serverUrl: sb.url, email: demo.email, password: demo.password, remember: false })).toMatchObject({ ok: true });
      const deleted = await dispatch(app.handlers, 'persons:delete', { collectionId: demo.collectionId, personId: secondId, confirmDeleteAnalyses: false });
      expect(deleted).toMatchObject({ ok: true, value: { status: 'deleted' } });
      const record = new EnrolledPhotos(app.context.db, () => app.context.session.lastScope());
      expect(second.files.map((f) => record.find(demo.collectionId, f.sha256 ?? ''))).toEqual([null, null]);
    } finally {
      await app.dispose();
    }
    const third = await importAgain();
    expect(third.persons[0]).toMatchObject({ status: 'enrolled' });
    const thirdId = third.persons[0]?.personId ?? '';
    expect((await serverPersons()).get('Ivy')).toEqual([thirdId]);
    expect(await client.listPersonImages(sb.demo?.collectionId ?? '', thirdId)).toHaveLength(2);
    const db = openDeskDb(dataDir);
    expect(new EnrolledPhotos(db, () => deskScopeOf(sb.url, sb.demo?.email ?? '')).find(sb.demo?.collectionId ?? '', third.files[0]?.sha256 ?? '')).toMatchObject({ personId: thirdId });
    db.close();
  }, 180_000);
});
