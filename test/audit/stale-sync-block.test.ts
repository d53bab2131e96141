import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { processPhoto } from '../../src/core/images/process-photo.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import { openQueue } from '../../src/core/queue/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import { makeTempDir, uniqueFace } from '../fixtures/corpus.js';
import { startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

let sb: Sandbox;
let app: App;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
const secrets = new InMemorySecretStore();

beforeAll(async () => {
  sb = await startDemoSandbox();
  temp = await makeTempDir('enroll-desk-stale-');
  const dataDir = join(temp.dir, 'desk');
  app = await createApp({ dataDir, host: 'browser', secretStore: secrets, emit: () => undefined, version: 't', platform: 'linux', localSandbox: null, restoreSession: false });
  const demo = sb.demo as NonNullable<Sandbox['demo']>;
  // An enrollment accepted 30 hours ago that never reached the server (nobody signed in since).
  const queue = await openQueue({ dataDir, secretStore: secrets, now: () => Date.now() - 30 * 3_600_000 });
  const p = await processPhoto({ bytes: await (await uniqueFace(61)).jpeg().toBuffer() });
  if (!p.ok) throw new Error('fixture refused');
  await queue.enqueueCreatePerson({ collectionId: demo.collectionId, metaData: {} }, [{ jpeg: p.jpeg, sha256: p.sha256, tags: ['photo_selfie'], fileName: 'x.jpg' }]);
  queue.close();
});

afterAll(async () => {
  await app.dispose();
  await sb.close();
  await temp.cleanup();
});

const enroll = async () =>
  dispatch(app.handlers, 'enroll:enrollPerson', {
    collectionId: sb.demo?.collectionId ?? '',
    name: { first: 'Late', middle: '', last: 'Queue' },
    source: 'form',
    photos: [{ dataBase64: (await (await uniqueFace(62)).jpeg().toBuffer()).toString('base64'), fileName: 'y.jpg', tags: ['photo_selfie'] }],
    consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
  });

describe('stale-sync guard', () => {
  it('warns past 24 h and, once IT sets a block age, refuses new enrollments saying why', async () => {
    expect(await dispatch(app.handlers, 'desk:staleSync', undefined)).toMatchObject({ ok: true, value: { level: 'warn' } });
    app.context.settings.update({ staleSyncBlockHours: 24 });
    expect(await dispatch(app.handlers, 'desk:staleSync', undefined)).toMatchObject({ ok: true, value: { level: 'block' } });
    const before = app.context.audit.entries().length;
    const refused = await enroll();
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/paused/) } });
    expect(app.context.audit.entries()).toHaveLength(before);
    app.context.settings.update({ staleSyncBlockHours: null });
    const unblocked = await enroll();
    expect(unblocked.ok ? 'ok' : unblocked.error.code).not.toBe('CONFLICT');
  });
});
