import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/fixtures/corpus.js';
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
