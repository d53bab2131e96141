import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { dispatch as dispatchRaw } from '../../src/core/ipc/dispatch.js';
import { openQueue } from '../../src/core/queue/index.js';
import { queueMigrations } from '../../src/core/queue/open-queue-db.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract.js';
import { makeTempDir, uniqueFace } from '../fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

// Two Oz servers, one desk: what is made for one is shown and sent there only.
let a: Sandbox;
let b: Sandbox;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let app: App | null = null;
let seed = 900;

beforeAll(async () => {
  [a, b] = await Promise.all([startDemoSandbox(), startDemoSandbox()]);
  temp = await makeTempDir('enroll-desk-scope-');
});
afterEach(async () => {
  await app?.dispose();
  app = null;
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await temp.cleanup();
});

const demoOf = (sb: Sandbox) => sb.demo as NonNullable<Sandbox['demo']>;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  if (app === null) throw new Error('no app');
  const r = await dispatchRaw(app.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as ChannelOutput<C>;
}

async function startApp(dataDir = join(temp.dir, `desk-${seed++}`)): Promise<App> {
  app = await createApp({ dataDir, host: 'browser', secretStore: new InMemorySecretStore(), emit: () => undefined, version: 't', platform: 'linux', localSandbox: null, restoreSession: false });
  return app;
}

const signIn = (sb: Sandbox) => call('session:signIn', { serverUrl: sb.url, email: demoOf(sb).email, password: demoOf(sb).password, remember: false });

async function enroll(collectionId: string, first: string) {
  const jpeg = await (await uniqueFace(seed++)).jpeg().toBuffer();
  return call('enroll:enrollPerson', {
    collectionId,
    name: { first, middle: '', last: 'Scoped' },
    source: 'form',
    photos: [{ dataBase64: jpeg.toString('base64'), fileName: `${first}.jpg`, tags: ['photo_selfie'] }],
    consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
  });
}

/** Raw HTTP: first names and enrollment ids in a collection of a server. */
async function onServer(sb: Sandbox, collectionId: string): Promise<{ first: string; enrollmentId: unknown; photos: number }[]> {
  const { client } = await signedInClient(sb);
  const found = [];
  for await (const p of client.iteratePersons(collectionId)) {
    const meta = p.metaData as { person_info?: { first_name?: string }; enrollment?: { id?: unknown } } | null;
    // A server may list persons without their photos: then ask for them.
    const images = p.images ?? (await client.listPersonImages(collectionId, p.personId));
    found.push({ first: meta?.person_info?.first_name ?? '', enrollmentId: meta?.enrollment?.id, photos: images.length });
  }
  return found;
}

const settled = async () => {
  await expect.poll(async () => (await call('queue:status', undefined)).counts.syncing + (await call('queue:status', undefined)).counts.ready, { timeout: 15_000 }).toBe(0);
};

describe('desk data belongs to a server and account', () => {
  it('an item made for server A waits while B is signed in, is counted elsewhere, and reaches A only', async () => {
    await startApp();
    await signIn(a);
    await call('session:signOut', { forgetPassword: false });
    // Signed out: made for the last server signed in.
    const made = await enroll(demoOf(a).collectionId, 'Anna');
    expect(made.status).toBe('queued');

    await signIn(b);
    const onB = await call('queue:status', undefined);
    expect(onB).toMatchObject({ pending: 0, counts: { elsewhere: 1, ready: 0 } });
    expect(await call('queue:list', { limit: 10, offset: 0 })).toEqual([]);
    const away = await call('queue:list', { where: 'elsewhere', limit: 10, offset: 0 });
    expect(away).toMatchObject([{ id: made.itemId, displayName: 'Anna Scoped', scope: { server: a.url, account: demoOf(a).email } }]);
    await call('queue:syncNow', undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(await onServer(b, demoOf(b).collectionId)).toEqual([]);

    await signIn(a);
    await settled();
    expect(await onServer(a, demoOf(a).collectionId)).toEqual([{ first: 'Anna', enrollmentId: made.enrollmentId, photos: 1 }]);
    expect(await onServer(b, demoOf(b).collectionId)).toEqual([]);
  });

  it('an item quarantined for a deleted collection is moved to another collection and arrives there with its enrollment UUID', async () => {
    await startApp();
    const { client } = await signedInClient(a);
    const doomed = await client.createCollection({ alias: `doomed-${seed}`, companyId: demoOf(a).companyId });
    await signIn(a);
    await call('session:signOut', { forgetPassword: false });
    const made = await enroll(doomed.collectionId, 'Quentin');
    await client.deleteCollection(doomed.collectionId);
    await signIn(a);
    await expect.poll(async () => (await call('queue:status', undefined)).counts.quarantined, { timeout: 15_000 }).toBe(1);
    const [item] = await call('queue:list', { state: 'quarantined', limit: 10, offset: 0 });
    expect(item).toMatchObject({ id: made.itemId, quarantineCode: 'collection-gone' });

    const wrong = await dispatchRaw(app!.handlers, 'queue:retarget', { itemId: made.itemId ?? '', collectionId: doomed.collectionId, toCurrentServer: false });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const missing = await dispatchRaw(app!.handlers, 'queue:retarget', { itemId: made.itemId ?? '', collectionId: '00000000-0000-4000-8000-000000000000', toCurrentServer: false });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('queue:retarget', { itemId: made.itemId ?? '', collectionId: demoOf(a).collectionId, toCurrentServer: false })).toEqual({ moved: true });
    await settled();
    const arrived = (await onServer(a, demoOf(a).collectionId)).filter((p) => p.first === 'Quentin');
    expect(arrived).toEqual([{ first: 'Quentin', enrollmentId: made.enrollmentId, photos: 1 }]);
    const [done] = await call('queue:list', { limit: 10, offset: 0 });
    expect(done).toMatchObject({ id: made.itemId, state: 'done', collectionId: demoOf(a).collectionId, quarantineCode: null });
  });

  it('an item whose request to A was cut off is not moved to B (it may be on A): A is asked first, and it is there once', async () => {
    await startApp();
    await signIn(a);
    // The person is created, the answer lost: the item waits, marked as possibly sent.
    a.setFaults('reset=1');
    const made = await enroll(demoOf(a).collectionId, 'Cutoff');
    await expect.poll(async () => (await call('queue:list', { limit: 10, offset: 0 })).find((i) => i.id === made.itemId)?.lastError ?? null, { timeout: 15_000 }).not.toBeNull();
    await signIn(b);
    a.setFaults(null);
    const moved = await dispatchRaw(app!.handlers, 'queue:retarget', { itemId: made.itemId ?? '', collectionId: demoOf(b).collectionId, toCurrentServer: true });
    expect(moved).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'may_have_arrived' } } });
    expect(moved.ok ? '' : moved.error.message).toContain(a.url);
    await signIn(a);
    await settled();
    expect((await onServer(a, demoOf(a).collectionId)).filter((p) => p.first === 'Cutoff')).toEqual([{ first: 'Cutoff', enrollmentId: made.enrollmentId, photos: 1 }]);
    expect((await onServer(b, demoOf(b).collectionId)).filter((p) => p.first === 'Cutoff')).toEqual([]);
  });

  it('the operator re-targets an item whose server is gone for good to the server signed in now', async () => {
    await startApp();
    const gone = await startDemoSandbox();
    await signIn(gone);
    await call('session:signOut', { forgetPassword: false });
    const made = await enroll(demoOf(gone).collectionId, 'Rhea');
    await gone.close();
    await signIn(b);
    expect(await call('queue:status', undefined)).toMatchObject({ counts: { elsewhere: 1 } });
    expect(await call('queue:retarget', { itemId: made.itemId ?? '', collectionId: demoOf(b).collectionId, toCurrentServer: true })).toEqual({ moved: true });
    await settled();
    expect((await onServer(b, demoOf(b).collectionId)).filter((p) => p.first === 'Rhea')).toEqual([{ first: 'Rhea', enrollmentId: made.enrollmentId, photos: 1 }]);
    expect(await call('queue:status', undefined)).toMatchObject({ counts: { elsewhere: 0, quarantined: 0 } });
    expect(app?.context.audit.entries().filter((e) => e.action === 'queueItemRetargeted')).toMatchObject([{ outcome: 'done', queueItemId: made.itemId, enrollmentId: made.enrollmentId }]);
  });
});

describe('migrations of existing desks', () => {
  it('keeps items queued before scopes existed and lets the first sign-in adopt them', async () => {
    const dataDir = join(temp.dir, `legacy-${seed++}`);
    const secrets = new InMemorySecretStore();
    const legacy = await openQueue({ dataDir, secretStore: secrets });
    const jpeg = await (await uniqueFace(seed++)).jpeg().toBuffer();
    const item = await legacy.enqueueCreatePerson({ collectionId: demoOf(a).collectionId, metaData: { person_info: { first_name: 'Legacy' } } }, [
      { jpeg, sha256: createHash('sha256').update(jpeg).digest('hex'), tags: ['photo_selfie'], fileName: 'l.jpg' },
    ]);
    legacy.close();
    // Back to what a desk at queue schema version 1 holds: the same rows, no scope columns.
    const db = new Database(join(dataDir, 'desk.db'));
    db.exec(`DROP INDEX queue_items_scope; ALTER TABLE queue_items DROP COLUMN server; ALTER TABLE queue_items DROP COLUMN account;
      ALTER TABLE queue_items DROP COLUMN quarantine_code; ALTER TABLE queue_items DROP COLUMN not_before; DROP TABLE staged_photos; DELETE FROM schema_migrations WHERE scope = 'queue' AND version >= 2;`);
    db.close();

    app = await createApp({ dataDir, host: 'browser', secretStore: secrets, emit: () => undefined, version: 't', platform: 'linux', localSandbox: null, restoreSession: false });
    const check = new Database(join(dataDir, 'desk.db'), { readonly: true });
    expect(check.prepare("SELECT MAX(version) AS v FROM schema_migrations WHERE scope = 'queue'").get()).toEqual({ v: queueMigrations.length });
    check.close();
    expect(await call('queue:list', { limit: 10, offset: 0 })).toMatchObject([{ id: item.itemId, state: 'ready', scope: null }]);
    await signIn(a);
    await settled();
    const [done] = await call('queue:list', { limit: 10, offset: 0 });
    expect(done).toMatchObject({ id: item.itemId, state: 'done', scope: { server: a.url, account: demoOf(a).email } });
    expect((await onServer(a, demoOf(a).collectionId)).some((p) => p.first === 'Legacy')).toBe(true);
  });
});
