import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { call, consent, drained, until } from '../helpers/desk-app.js';
import { faceJpegs } from '../fixtures/corpus.js';
import { testSandboxProfile } from '../helpers/sandbox-profile.js';
import { startSwitchableSandbox, type SwitchableSandbox } from '../helpers/switchable-sandbox.js';

/** The Oz client's own request timeout: what an enrollment must never wait for. */
const NETWORK_TIMEOUT_MS = 30_000;

describe('offline, enrolling answers without waiting for the network', () => {
  let sb: SwitchableSandbox;
  let app: App;
  let dataDir: string;

  beforeEach(async () => {
    sb = await startSwitchableSandbox(testSandboxProfile());
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-offline-answer-'));
    app = await createApp({ dataDir, host: 'browser', secretStore: new InMemorySecretStore(), emit: () => undefined, version: 't', platform: 'linux', localSandbox: null, restoreSession: false });
    await call(app, 'session:signIn', { serverUrl: sb.url, email: sb.email, password: sb.password, remember: false });
  });
  afterEach(async () => {
    // The server first: the swallowed requests then fail at once instead of at their timeout.
    await sb.close();
    await app.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const enroll = async (last: string, photo: Buffer) => {
    const started = performance.now();
    const result = await dispatch(app.handlers, 'enroll:enrollPerson', {
      collectionId: sb.collectionId,
      name: { first: 'Olga', middle: '', last },
      source: 'form',
      photos: [{ dataBase64: photo.toString('base64'), fileName: `${last}.jpg`, tags: ['photo_selfie'] }],
      consent,
    });
    return { result, ms: performance.now() - started };
  };

  it('queues a new photo at once and answers a recorded one within its deadline, on a link that swallows every packet', async () => {
    const [p, q] = await faceJpegs();
    if (p === undefined || q === undefined) throw new Error('fixture');
    expect((await enroll('Online', p)).result).toMatchObject({ ok: true, value: { status: 'queued' } });
    await drained(app);

    await sb.goOffline('hang');
    const fresh = await enroll('Fresh', q);
    expect(fresh.result).toMatchObject({ ok: true, value: { status: 'queued' } });
    // The record says photo P is enrolled; the server is asked, but not for longer than the deadline.
    const again = await enroll('Again', p);
    expect(again.result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'already_enrolled_unconfirmed' } } });
    expect(again.ms).toBeLessThan(NETWORK_TIMEOUT_MS / 5);
    expect(fresh.ms).toBeLessThan(again.ms + 1_000);
  }, 60_000);

  it('once main knows the server is unreachable, a recorded photo is not even asked about', async () => {
    const [p, q] = await faceJpegs();
    if (p === undefined || q === undefined) throw new Error('fixture');
    await enroll('Online', p);
    await drained(app);
    await sb.goOffline('refuse');
    // The worker tries to send this one and finds the link down.
    await enroll('Pending', q);
    await until(async () => ((await call(app, 'queue:status', undefined)).connectivity === 'offline' ? true : undefined), 'the desk to see it is offline');
    await sb.goOffline('hang');
    const again = await enroll('Again', p);
    expect(again.result).toMatchObject({ ok: false, error: { details: { reason: 'already_enrolled_unconfirmed' } } });
    // Well under the 2 s deadline: nothing was sent.
    expect(again.ms).toBeLessThan(1_000);
  }, 60_000);
});
