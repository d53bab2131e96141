import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { processPhoto } from '../../src/core/images/process-photo.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import { BLOB_DIR, createSyncWorker, openQueue, type EnrollmentQueue } from '../../src/core/queue/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { KeytarSecretStore } from '../../src/core/secrets/keytar-secret-store.js';
import { secretAccounts, type SecretStore } from '../../src/core/secrets/secret-store.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract.js';
import { makeTempDir, uniqueFace } from '../fixtures/corpus.js';
import { startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';
import { scanDataFolder } from './scan-data-folder.js';

// Enrolled names: distinctive, so a hit in the bytes cannot be a coincidence.
const NAMES = ['Wilhelmina', 'Okonkwo-Brandt', 'Theophilus', 'Marchetti-Lund', 'Ysolde', 'Abernathy-Quist'];

const stores: readonly [string, () => SecretStore][] = [
  ['in-memory secret store', () => new InMemorySecretStore()],
  // The product's store on the real Secret Service (run under scripts/with-keyring.sh).
  ['OS keychain (KeytarSecretStore)', () => new KeytarSecretStore(`enroll-desk-test-${randomUUID()}`)],
];

describe.each(stores)('photos and desk reset with the %s', (_label, makeStore) => {
  let sb: Sandbox;
  let app: App;
  let secrets: SecretStore;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let queue: EnrollmentQueue | null = null;
  const demo = () => sb.demo as NonNullable<Sandbox['demo']>;

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await dispatch(app.handlers, channel, input);
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { appError: result.error });
    return result.value as ChannelOutput<C>;
  }

  const drained = async (): Promise<void> => {
    for (let i = 0; app.context.queue.status().pending > 0; i += 1) {
      if (i > 400) throw new Error('the queue did not drain');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const faceB64 = async (seed: number) => (await (await uniqueFace(seed)).jpeg().toBuffer()).toString('base64');

  async function queuedPhoto(seed: number) {
    const processed = await processPhoto({ bytes: await (await uniqueFace(seed)).jpeg().toBuffer() });
    if (!processed.ok) throw new Error('fixture photo refused');
    return { jpeg: processed.jpeg, sha256: processed.sha256, tags: ['photo_selfie'], fileName: `${seed}.jpg` };
  }

  beforeEach(async () => {
    sb = await startDemoSandbox();
    temp = await makeTempDir('enroll-desk-reset-');
    dataDir = join(temp.dir, 'desk');
    secrets = makeStore();
    app = await createApp({
      dataDir,
      host: 'browser',
      secretStore: secrets,
      emit: () => undefined,
      version: 'test',
      platform: 'linux',
      localSandbox: null,
      restoreSession: false,
    });
    await call('session:signIn', { serverUrl: sb.url, email: demo().email, password: demo().password, remember: true });
  });

  afterEach(async () => {
    queue?.close();
    queue = null;
    await app.dispose();
    await sb.close();
    await temp.cleanup();
    for (const account of [secretAccounts.auditKey, secretAccounts.queueKey, secretAccounts.cacheKey]) await secrets.delete(account);
  });

  it('keeps no photo on disk after an enroll and a sync', async () => {
    const collectionId = demo().collectionId;
    await call('enroll:enrollPerson', {
      collectionId,
      name: { first: NAMES[0] ?? '', middle: '', last: NAMES[1] ?? '' },
      source: 'form',
      photos: [{ dataBase64: await faceB64(41), fileName: 'w.jpg', tags: ['photo_selfie'] }],
      consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
    });
    await drained();
    queue = await openQueue({ dataDir, secretStore: secrets });
    const meta = { person_info: { first_name: NAMES[2], last_name: NAMES[3] } };
    await queue.enqueueCreatePerson({ collectionId, metaData: meta }, [await queuedPhoto(42), await queuedPhoto(43)]);
    const client = app.context.session.requireClient();
    const report = await createSyncWorker({ scope: () => null, queue, getClient: () => client }).syncNow();
    expect(report).toMatchObject({ sent: 1, remaining: 0 });
    await call('persons:list', { collectionId, offset: 0, limit: 50 });
    expect(app.context.queue.list({ limit: 10, offset: 0 }).map((i) => i.state)).toEqual(['done', 'done']);
    expect(scanDataFolder(dataDir, []).filter((f) => f.what === 'JPEG' || f.what === 'PNG')).toEqual([]);
  });

  it('refuses with the unsynced count, then forgets photos, names, passwords and keys; the audit log stays and verifies', async () => {
    const collectionId = demo().collectionId;
    await call('enroll:enrollPerson', {
      collectionId,
      name: { first: NAMES[4] ?? '', middle: '', last: NAMES[5] ?? '' },
      source: 'form',
      photos: [{ dataBase64: await faceB64(44), fileName: 'y.jpg', tags: ['photo_selfie'] }],
      consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
    });
    await drained();
    await call('persons:list', { collectionId, offset: 0, limit: 50 });
    queue = await openQueue({ dataDir, secretStore: secrets });
    // Two enrollments the server never received: written by another queue connection,
    // which the app's sync worker is not told about (it only drains on its own changes).
    const waiting = 'never-synced-collection';
    await queue.enqueueCreatePerson({ collectionId: waiting, metaData: { person_info: { first_name: NAMES[0], last_name: NAMES[1] } } }, [await queuedPhoto(45)]);
    await queue.enqueueCreatePerson({ collectionId: waiting, metaData: { person_info: { first_name: NAMES[2], last_name: NAMES[3] } } }, [await queuedPhoto(46)]);
    // A dry run's photos, staged and not confirmed (one of the app's, one of a CLI run).
    for (const [seed, owner] of [[48, 'app'], [49, 'cli']] as const) {
      const p = await queuedPhoto(seed);
      await queue.staging.stage({ sessionId: 'dry-run', owner, jpeg: p.jpeg, sha256: p.sha256, source: { size: 1, mtimeMs: 1, sourceSha256: p.sha256 } });
    }
    expect(await secrets.get(secretAccounts.password(sb.url, demo().email))).toBe(demo().password);
    expect(await secrets.get(secretAccounts.queueKey)).not.toBeNull();
    expect(await secrets.get(secretAccounts.cacheKey)).not.toBeNull();

    expect(await call('desk:unsynced', undefined)).toEqual({ unsynced: 2 });
    const refused = await dispatch(app.handlers, 'desk:reset', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { unsynced: 2 } } });
    const wrongCount = await dispatch(app.handlers, 'desk:reset', { confirmUnsynced: 1 });
    expect(wrongCount).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(app.context.session.status().state).toBe('signedIn');

    const result = await call('desk:reset', { confirmUnsynced: 2 });
    // The enrollment that was sent, and the two that were not.
    expect(result).toMatchObject({ queueItems: 3, unsyncedDiscarded: 2, secretsRemoved: 3, stagedPhotos: 2 });
    expect(result.cacheRows).toBeGreaterThan(0);
    expect(queue.staging.count()).toBe(0);
    expect(readdirSync(join(dataDir, BLOB_DIR))).toEqual([]);
    queue.close();
    queue = null;

    expect(app.context.session.status()).toMatchObject({ state: 'signedOut', rememberedEmail: null });
    expect(await secrets.get(secretAccounts.password(sb.url, demo().email))).toBeNull();
    expect(await secrets.get(secretAccounts.queueKey)).toBeNull();
    expect(await secrets.get(secretAccounts.cacheKey)).toBeNull();
    expect(scanDataFolder(dataDir, [...NAMES, demo().password])).toEqual([]);

    expect(await call('audit:verify', undefined)).toMatchObject({ ok: true });
    const [last, beforeLast] = app.context.audit.query({ limit: 2 }).entries;
    expect(beforeLast).toMatchObject({ action: 'signOut', operator: demo().email });
    expect(last).toMatchObject({ action: 'deskReset', operator: demo().email, counts: { unsyncedDiscarded: 2, queueItems: 3, secretsRemoved: 3, stagedPhotos: 2 } });
    expect(await call('desk:unsynced', undefined)).toEqual({ unsynced: 0 });
  });

  it('after a reset, an enrollment queued in the same session survives a restart: readable, then sent', async () => {
    const collectionId = demo().collectionId;
    await call('persons:list', { collectionId, offset: 0, limit: 50 });
    const enroll = async (last: string) =>
      dispatch(app.handlers, 'enroll:enrollPerson', {
        collectionId,
        name: { first: NAMES[0] ?? '', middle: '', last },
        source: 'form',
        photos: [{ dataBase64: await faceB64(47), fileName: 'a.jpg', tags: ['photo_selfie'] }],
        consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
      });
    expect(await enroll('Beforereset')).toMatchObject({ ok: true, value: { status: 'queued' } });
    await drained();
    // Once sent, the desk knows the photo is enrolled.
    expect(await enroll('Again')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call('desk:reset', {});
    expect(await secrets.get(secretAccounts.queueKey)).toBeNull();

    // Signed out, so it waits in the queue, sealed under whatever key the queue now uses.
    // The reset also forgot which photos the desk enrolled.
    const result = await enroll('Afterreset');
    if (!result.ok) throw new Error(result.error.message);
    const queued = result.value as ChannelOutput<'enroll:enrollPerson'>;
    expect(queued).toMatchObject({ status: 'queued' });
    expect(await secrets.get(secretAccounts.queueKey)).not.toBeNull();
    await app.dispose();

    app = await createApp({
      dataDir,
      host: 'browser',
      secretStore: secrets,
      emit: () => undefined,
      version: 'test',
      platform: 'linux',
      localSandbox: null,
      restoreSession: false,
    });
    const [item] = await call('queue:list', { limit: 10, offset: 0 });
    expect(item).toMatchObject({ id: queued.itemId, state: 'ready', displayName: `${NAMES[0]} Afterreset` });
    await call('session:signIn', { serverUrl: sb.url, email: demo().email, password: demo().password, remember: false });
    await drained();
    const [sent] = await call('queue:list', { limit: 10, offset: 0 });
    expect(sent).toMatchObject({ id: queued.itemId, state: 'done', quarantineReason: null });
    const persons = await call('persons:list', { collectionId, offset: 0, limit: 500 });
    expect(persons.items.some((p) => p.personId === sent?.personId && p.name.last === 'Afterreset')).toBe(true);
  });
});
