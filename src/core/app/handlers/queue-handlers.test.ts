import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scanDataFolder } from '../../../../test/audit/scan-data-folder.js';
import { makeTempDir, uniqueFace } from '../../../../test/fixtures/corpus.js';
import { startDemoSandbox, signedInClient, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../../shared/domain/consent.js';
import type { SyncStatus } from '../../../shared/domain/queue.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract.js';
import type { Result } from '../../../shared/result.js';
import { dispatch as dispatchRaw } from '../../ipc/dispatch.js';
import { sha256Of } from '../../queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../secrets/in-memory-secret-store.js';
import { createApp, type App } from '../create-app.js';

let sb: Sandbox;
let demo: NonNullable<Sandbox['demo']>;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let app: App | null = null;
let events: SyncStatus[] = [];
let seed = 300;

beforeAll(async () => {
  sb = await startDemoSandbox();
  demo = sb.demo as NonNullable<Sandbox['demo']>;
  temp = await makeTempDir('enroll-desk-queue-app-');
  sb.createUser({ email: 'clerk@demo.bank', password: 'clerk pass 1', userType: 'CLIENT', companyId: demo.companyId });
});

afterEach(async () => {
  await app?.dispose();
  app = null;
});

afterAll(async () => {
  await sb.close();
  await temp.cleanup();
});

/** The dispatcher, typed by channel (the transports' one takes unknown). */
const dispatch = <C extends Channel>(table: App['handlers'], channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> =>
  dispatchRaw(table, channel, input) as Promise<Result<ChannelOutput<C>>>;

async function startApp(): Promise<App> {
  events = [];
  app = await createApp({
    dataDir: join(temp.dir, `desk-${seed++}`),
    host: 'browser',
    secretStore: new InMemorySecretStore(),
    emit: (event, payload) => {
      if (event === 'queue:changed') events.push(payload as SyncStatus);
    },
    version: 't',
    platform: 'linux',
    localSandbox: null,
    restoreSession: false,
  });
  return app;
}

async function signIn(a: App, email = demo.email, password = demo.password): Promise<void> {
  expect((await dispatch(a.handlers, 'session:signIn', { serverUrl: sb.url, email, password, remember: false })).ok).toBe(true);
}

async function enroll(a: App, first: string, last: string) {
  const jpeg = await (await uniqueFace(seed++)).jpeg().toBuffer();
  return dispatch(a.handlers, 'enroll:enrollPerson', {
    collectionId: demo.collectionId,
    name: { first, middle: '', last },
    source: 'form',
    photos: [{ dataBase64: jpeg.toString('base64'), fileName: `${first}.jpg`, tags: ['photo_selfie'] }],
    consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
  });
}

async function status(a: App): Promise<SyncStatus> {
  const s = await dispatch(a.handlers, 'queue:status', undefined);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

async function firstNamesOnServer(): Promise<string[]> {
  const { client } = await signedInClient(sb);
  const names: string[] = [];
  for await (const p of client.iteratePersons(demo.collectionId)) {
    names.push((p.metaData?.['person_info'] as { first_name: string }).first_name);
  }
  return names;
}

describe('the queue in the app', () => {
  it('queues enrollments while signed out, encrypted on disk, and sends them by itself after sign-in', async () => {
    const a = await startApp();
    expect(await status(a)).toMatchObject({ pausedReason: 'not-signed-in', pending: 0 });

    const queued = await enroll(a, 'Quentin', 'Offlineson');
    expect(queued).toMatchObject({ ok: true, value: { status: 'queued', personId: null, itemId: expect.any(String) } });
    expect(await status(a)).toMatchObject({ pending: 1, counts: { ready: 1 }, pausedReason: 'not-signed-in' });
    expect(await dispatch(a.handlers, 'queue:syncNow', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    // Nothing on disk shows the photo or the name (photos and metaData are encrypted).
    const dataDir = a.context.options.dataDir;
    expect(scanDataFolder(dataDir, ['Quentin', 'Offlineson'])).toEqual([]);

    const listed = await dispatch(a.handlers, 'queue:list', { limit: 10, offset: 0 });
    expect(listed).toMatchObject({ ok: true, value: [{ state: 'ready', displayName: 'Quentin Offlineson', photoCount: 1, kind: 'createPerson' }] });

    await signIn(a);
    await expect.poll(async () => (await status(a)).counts.doneToday, { timeout: 15_000 }).toBe(1);
    expect(await status(a)).toMatchObject({ pending: 0, connectivity: 'online', pausedReason: null });
    expect((await status(a)).lastSuccessfulSyncAt).toEqual(expect.any(Number));
    expect(await firstNamesOnServer()).toContain('Quentin');
    // The renderer heard about it, coalesced: the last event shows the item done.
    await expect.poll(() => events.at(-1)?.counts.doneToday).toBe(1);
  });

  it('enrolls through the queue while signed in: queued at once, done moments later', async () => {
    const a = await startApp();
    expect(await status(a)).toMatchObject({ connectivity: 'unknown' });
    await signIn(a);
    // The sign-in itself reached the server: online before anything is queued.
    expect(await status(a)).toMatchObject({ connectivity: 'online' });
    const queued = await enroll(a, 'Ona', 'Linen');
    expect(queued).toMatchObject({ ok: true, value: { status: 'queued' } });
    await expect.poll(async () => (await status(a)).counts.doneToday, { timeout: 15_000 }).toBe(1);
    const csv = await dispatch(a.handlers, 'queue:exportCsv', undefined);
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.value.fileName).toMatch(/^enroll-desk-queue-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.value.csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^item_id,kind,state/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',done,');
    // The export is for IT: no person names in it.
    expect(csv.value.csv).not.toContain('Ona');
  });

  it('pauses on a permission error; another account sends the item only once the operator moves it to that account', async () => {
    const a = await startApp();
    await signIn(a, 'clerk@demo.bank', 'clerk pass 1');
    const made = await enroll(a, 'Perm', 'Denied');
    if (!made.ok) throw new Error(made.error.message);
    await expect.poll(async () => (await status(a)).pausedReason, { timeout: 15_000 }).toBe('auth');
    expect(await status(a)).toMatchObject({ pending: 1, counts: { ready: 1 } });
    expect((await status(a)).pausedMessage).toMatch(/code 9/);

    await signIn(a);
    // Made for the clerk's account: the admin's sign-in shows it as waiting elsewhere and sends nothing.
    expect(await status(a)).toMatchObject({ pausedReason: null, pending: 0, counts: { elsewhere: 1 } });
    const away = await dispatch(a.handlers, 'queue:list', { where: 'elsewhere', limit: 10, offset: 0 });
    expect(away).toMatchObject({ ok: true, value: [{ id: made.value.itemId, scope: { account: 'clerk@demo.bank' } }] });
    const moved = await dispatch(a.handlers, 'queue:retarget', { itemId: made.value.itemId ?? '', collectionId: demo.collectionId, toCurrentServer: true });
    expect(moved).toEqual({ ok: true, value: { moved: true } });
    await expect.poll(async () => (await status(a)).counts.doneToday, { timeout: 15_000 }).toBe(1);
    expect(await status(a)).toMatchObject({ pausedReason: null, counts: { elsewhere: 0 } });
    expect(await firstNamesOnServer()).toContain('Perm');
    const entry = a.context.audit.entries().find((e) => e.action === 'queueItemRetargeted');
    expect(entry).toMatchObject({ outcome: 'done', queueItemId: made.value.itemId, collectionId: demo.collectionId, enrollmentId: made.value.enrollmentId });
  });

  it('lets the operator fix the tags of a quarantined item and retry it, or discard one', async () => {
    const a = await startApp();
    // Refused by the server for its tag: queued directly (the app's forms only offer valid tags).
    const jpeg = await (await uniqueFace(seed++)).jpeg().toBuffer();
    const bad = await a.context.queue.enqueueCreatePerson({ collectionId: demo.collectionId, metaData: { person_info: { first_name: 'Tagfix' } } }, [
      { jpeg, sha256: sha256Of(jpeg), tags: ['photo_nonsense'], fileName: 'tagfix.jpg' },
    ]);
    const gone = await (await uniqueFace(seed++)).jpeg().toBuffer();
    const other = await a.context.queue.enqueueCreatePerson({ collectionId: 'no-such-collection', metaData: { person_info: { first_name: 'Gone' } } }, [
      { jpeg: gone, sha256: sha256Of(gone), tags: ['photo_selfie'], fileName: 'gone.jpg' },
    ]);
    await signIn(a);
    await expect.poll(async () => (await status(a)).counts.quarantined, { timeout: 15_000 }).toBe(2);

    const quarantined = await dispatch(a.handlers, 'queue:list', { state: 'quarantined', limit: 10, offset: 0 });
    if (!quarantined.ok) throw new Error(quarantined.error.message);
    const item = quarantined.value.find((v) => v.id === bad.itemId);
    expect(item?.quarantineReason).toEqual(expect.any(String));
    expect(item?.photos).toEqual([{ sha256: sha256Of(jpeg), tags: ['photo_nonsense'], fileName: 'tagfix.jpg', confirmed: false }]);

    const retried = await dispatch(a.handlers, 'queue:retry', { itemId: bad.itemId, tags: { [sha256Of(jpeg)]: ['photo_selfie', 'orientation_portrait'] } });
    expect(retried).toMatchObject({ ok: true, value: { retried: true } });
    await expect.poll(async () => (await status(a)).counts.doneToday, { timeout: 15_000 }).toBe(1);
    const { client } = await signedInClient(sb);
    const tagged = [];
    for await (const p of client.iteratePersons(demo.collectionId)) {
      if ((p.metaData?.['person_info'] as { first_name?: string }).first_name === 'Tagfix') {
        tagged.push((await client.listPersonImages(demo.collectionId, p.personId)).map((i) => [...i.tags].sort()));
      }
    }
    expect(tagged).toEqual([[['orientation_portrait', 'photo_selfie']]]);

    expect(await dispatch(a.handlers, 'queue:discard', { itemId: other.itemId })).toMatchObject({ ok: true, value: { discarded: true } });
    expect(await dispatch(a.handlers, 'queue:discard', { itemId: other.itemId })).toMatchObject({ ok: true, value: { discarded: false } });
    expect(await status(a)).toMatchObject({ counts: { quarantined: 0 } });
    // No-ops are recorded as failed attempts, never as changes: the item is sent (CONFLICT) or gone (NOT_FOUND).
    expect(await dispatch(a.handlers, 'queue:retry', { itemId: bad.itemId })).toMatchObject({ ok: true, value: { retried: false } });
    expect(await dispatch(a.handlers, 'queue:discard', { itemId: bad.itemId })).toMatchObject({ ok: true, value: { discarded: false } });
    expect(await dispatch(a.handlers, 'queue:retry', { itemId: 'no-such-item' })).toMatchObject({ ok: true, value: { retried: false } });
    const queueEntries = a.context.audit
      .entries()
      .filter((e) => e.action === 'queueItemRetried' || e.action === 'queueItemDiscarded')
      .map((e) => [e.action, e.queueItemId, e.outcome, e.errorCode]);
    expect(queueEntries).toEqual([
      ['queueItemRetried', bad.itemId, 'done', null],
      ['queueItemDiscarded', other.itemId, 'done', null],
      ['queueItemDiscarded', other.itemId, 'failed', 'NOT_FOUND'],
      ['queueItemRetried', bad.itemId, 'failed', 'CONFLICT'],
      ['queueItemDiscarded', bad.itemId, 'failed', 'CONFLICT'],
      ['queueItemRetried', 'no-such-item', 'failed', 'NOT_FOUND'],
    ]);
  });
});
