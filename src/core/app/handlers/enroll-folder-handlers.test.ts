import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegs, makeTempDir } from '../../../../test/fixtures/corpus.js';
import { startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract.js';
import type { Result } from '../../../shared/result.js';
import { dispatch as dispatchRaw } from '../../ipc/dispatch.js';
import { InMemorySecretStore } from '../../secrets/in-memory-secret-store.js';
import { createApp, type App, type AppHostOptions } from '../create-app.js';

let sb: Sandbox;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let app: App | null = null;
let seed = 0;

beforeAll(async () => {
  sb = await startDemoSandbox();
  temp = await makeTempDir('enroll-desk-folder-handlers-');
});
afterEach(async () => {
  await app?.dispose();
  app = null;
});
afterAll(async () => {
  await sb.close();
  await temp.cleanup();
});

const dispatch = <C extends Channel>(table: App['handlers'], channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> =>
  dispatchRaw(table, channel, input) as Promise<Result<ChannelOutput<C>>>;

async function startApp(extra: Partial<AppHostOptions> = {}): Promise<App> {
  app = await createApp({
    dataDir: join(temp.dir, `desk-${seed++}`),
    host: 'browser',
    secretStore: new InMemorySecretStore(),
    emit: () => undefined,
    version: 't',
    platform: 'linux',
    localSandbox: null,
    restoreSession: false,
    ...extra,
  });
  return app;
}

describe('folder handlers', () => {
  it('offer the host dialog only where the host has one, and return its choice', async () => {
    const plain = await startApp();
    expect(await dispatch(plain.handlers, 'app:info', undefined)).toMatchObject({ ok: true, value: { folderDialog: false } });
    expect(await dispatch(plain.handlers, 'enroll:chooseFolder', undefined)).toEqual({ ok: true, value: { available: false, path: null } });
    await plain.dispose();

    const answers = ['/srv/persons', null];
    const withDialog = await startApp({ chooseFolder: () => Promise.resolve(answers.shift() ?? null) });
    expect(await dispatch(withDialog.handlers, 'app:info', undefined)).toMatchObject({ ok: true, value: { folderDialog: true } });
    expect(await dispatch(withDialog.handlers, 'enroll:chooseFolder', undefined)).toEqual({ ok: true, value: { available: true, path: '/srv/persons' } });
    expect(await dispatch(withDialog.handlers, 'enroll:chooseFolder', undefined)).toEqual({ ok: true, value: { available: true, path: null } });
  });

  it('refuse a scan of a missing folder before it starts, with one BAD_INPUT', async () => {
    const a = await startApp();
    const demo = sb.demo as NonNullable<Sandbox['demo']>;
    expect((await dispatch(a.handlers, 'session:signIn', { serverUrl: sb.url, email: demo.email, password: demo.password, remember: false })).ok).toBe(true);
    const missing = join(temp.dir, 'no-such-folder');
    const result = await dispatch(a.handlers, 'enroll:scanFolder', { path: missing, collectionId: demo.collectionId });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining(missing) } });
  });

  it('suggest subfolders of what is typed', async () => {
    const a = await startApp();
    mkdirSync(join(temp.dir, 'suggest', 'persons-1'), { recursive: true });
    expect(await dispatch(a.handlers, 'enroll:completeFolder', { typed: join(temp.dir, 'suggest', 'pers') })).toEqual({
      ok: true,
      value: { folders: [join(temp.dir, 'suggest', 'persons-1')] },
    });
  });
});

async function signedIn(): Promise<{ a: App; collectionId: string }> {
  const a = await startApp();
  const demo = sb.demo as NonNullable<Sandbox['demo']>;
  expect((await dispatch(a.handlers, 'session:signIn', { serverUrl: sb.url, email: demo.email, password: demo.password, remember: false })).ok).toBe(true);
  return { a, collectionId: demo.collectionId };
}

/** Scans a folder through the handlers and waits for its dry run. */
async function dryRun(a: App, collectionId: string, folder: string, manifestPath: string | null) {
  const started = await dispatch(a.handlers, 'enroll:scanFolder', { path: folder, collectionId, ...(manifestPath === null ? {} : { manifestPath }) });
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const now = await dispatch(a.handlers, 'enroll:scanResult', started.value);
    if (!now.ok) throw new Error(now.error.message);
    if (now.value.state !== 'running') return now.value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('drop handlers', () => {
  it('stage dropped bytes (browser mode) as person folders that scan like any folder', async () => {
    const { a, collectionId } = await signedIn();
    const [ada, alan] = (await faceJpegs()).map((jpeg) => jpeg.toString('base64'));
    const dropId = crypto.randomUUID();
    const first = await dispatch(a.handlers, 'enroll:dropFiles', { dropId, files: [{ relativePath: 'Ada Lovelace.jpg', dataBase64: ada ?? '' }], last: false });
    expect(first).toEqual({ ok: true, value: { staged: 1, drop: null } });
    const last = await dispatch(a.handlers, 'enroll:dropFiles', { dropId, files: [{ relativePath: 'Alan Turing.jpg', dataBase64: alan ?? '' }], last: true });
    if (!last.ok || last.value.drop === null) throw new Error('the last batch names the folder');
    const result = await dryRun(a, collectionId, last.value.drop.folder, last.value.drop.manifestPath);
    expect(result.report?.persons.map((p) => [p.key, p.photos.map((ph) => ph.status)])).toEqual([
      ['Ada Lovelace', ['accepted']],
      ['Alan Turing', ['accepted']],
    ]);
  });

  it('refuse a malformed drop at the contract: a drop id that is no UUID', async () => {
    const { a } = await signedIn();
    const result = await dispatch(a.handlers, 'enroll:dropFiles', { dropId: '../x', files: [], last: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('take dropped paths (desktop app): a folder of person folders is scanned where it is', async () => {
    const { a, collectionId } = await signedIn();
    const folder = join(temp.dir, 'dropped-paths', 'enrollments');
    mkdirSync(join(folder, 'Grace Hopper'), { recursive: true });
    writeFileSync(join(folder, 'Grace Hopper', '1.jpg'), (await faceJpegs())[2] ?? Buffer.alloc(0));
    const staged = await dispatch(a.handlers, 'enroll:dropPaths', { paths: [folder] });
    expect(staged).toEqual({ ok: true, value: { folder, manifestPath: null, files: 0 } });
    const result = await dryRun(a, collectionId, folder, null);
    expect(result.report?.persons.map((p) => p.key)).toEqual(['Grace Hopper']);
    expect(await dispatch(a.handlers, 'enroll:dropPaths', { paths: ['relative/a.jpg'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
