import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOzClient, type OzClient } from '../oz/index.js';
import { BLOB_DIR } from './blob-store.js';
import { enrollmentIdOf, uploadName } from './reconcile.js';
import type { SyncedItem } from './queue-types.js';
import { createSyncWorker } from './sync-worker.js';
import { personMeta, photos } from './testing/queue-test-kit.js';
import { startSandboxQueueEnv, type SandboxQueueEnv } from './testing/sandbox-env.js';

const fast = { baseMs: 20, capMs: 200 };

async function allPersons(client: OzClient, collectionId: string) {
  const out = [];
  for await (const p of client.iteratePersons(collectionId, { pageSize: 100 })) out.push(p);
  return out;
}

describe('sync worker against the sandbox', () => {
  let env: SandboxQueueEnv;
  beforeEach(async () => {
    env = await startSandboxQueueEnv();
  });
  afterEach(async () => {
    await env.close();
  });

  it('creates a person with more than ten photos in follow-up calls and deletes the blobs', async () => {
    const ph = await photos(12);
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Ada', 'Lovelace') }, ph);
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: fast });
    const report = await worker.syncNow();
    expect(report).toMatchObject({ sent: 1, quarantined: 0, remaining: 0, stoppedBy: 'drained' });
    const persons = (await allPersons(env.client, env.demo.collectionId)).filter((p) => enrollmentIdOf(p.metaData) === enrollmentId);
    expect(persons).toHaveLength(1);
    expect(persons[0]?.metaData).toMatchObject({ person_info: { first_name: 'Ada' }, enrollment: { id: enrollmentId, desk: 'desk-1' } });
    const images = await env.client.listPersonImages(env.demo.collectionId, persons[0]!.personId);
    expect(images.map((i) => i.originalName).sort()).toEqual(ph.map((p) => uploadName(p.sha256)).sort());
    expect(readdirSync(path.join(env.dataDir, BLOB_DIR))).toHaveLength(0);
    expect(worker.status()).toMatchObject({ connectivity: 'online', pending: 0, counts: { doneToday: 1 } });
    expect(worker.status().lastSuccessfulSyncAt).not.toBeNull();
    await worker.stop();
  });

  it('adopts the person an ambiguous create already made instead of creating another', async () => {
    const ph = await photos(3);
    const { itemId, enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Bo', 'Ek') }, ph);
    // The earlier attempt reached the server with the first two photos, then the answer was lost.
    const created = await env.client.createPerson(env.demo.collectionId, {
      metaData: { enrollment: { id: enrollmentId } },
      photos: ph.slice(0, 2).map((p) => ({ bytes: p.jpeg, fileName: uploadName(p.sha256), mimeType: 'image/jpeg', tags: ['photo_selfie'] })),
    });
    env.queue.engine.store.setInFlight(itemId, true);
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: fast });
    expect((await worker.syncNow()).sent).toBe(1);
    const persons = (await allPersons(env.client, env.demo.collectionId)).filter((p) => enrollmentIdOf(p.metaData) === enrollmentId);
    expect(persons.map((p) => p.personId)).toEqual([created.personId]);
    const images = await env.client.listPersonImages(env.demo.collectionId, created.personId);
    expect(images.map((i) => i.originalName).sort()).toEqual(ph.map((p) => uploadName(p.sha256)).sort());
    await worker.stop();
  });

  it('adds photos to a queued enrollment once its person exists, and to an existing person', async () => {
    const create = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('C', 'D') }, await photos(1));
    await env.queue.enqueueAddPhotos({ collectionId: env.demo.collectionId, dependsOnEnrollmentId: create.enrollmentId as string }, await photos(2));
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: fast });
    expect((await worker.syncNow()).sent).toBe(2);
    const person = (await allPersons(env.client, env.demo.collectionId)).find((p) => enrollmentIdOf(p.metaData) === create.enrollmentId);
    expect((await env.client.listPersonImages(env.demo.collectionId, person!.personId)).length).toBe(3);
    await env.queue.enqueueAddPhotos({ collectionId: env.demo.collectionId, targetPersonId: person!.personId }, await photos(1));
    expect((await worker.syncNow()).sent).toBe(1);
    expect((await env.client.listPersonImages(env.demo.collectionId, person!.personId)).length).toBe(4);
    await worker.stop();
  });

  it('quarantines a content refusal with the server message; retry with fixed tags sends it', async () => {
    const [p] = await photos(1);
    const { itemId } = await env.queue.enqueueCreatePerson(
      { collectionId: env.demo.collectionId, metaData: personMeta('E', 'F') },
      [{ ...p!, tags: ['not_a_tag'] }],
    );
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: fast });
    expect(await worker.syncNow()).toMatchObject({ sent: 0, quarantined: 1 });
    const [view] = env.queue.list({ state: 'quarantined', limit: 5, offset: 0 });
    expect(view?.quarantineReason).toMatch(/HTTP 400 \(code 4\).*not_a_tag/);
    expect(env.queue.retry(itemId, { tagsBySha256: { [p!.sha256]: ['photo_selfie'] } })).toBe(true);
    expect(await worker.syncNow()).toMatchObject({ sent: 1, quarantined: 0, remaining: 0 });
    await worker.stop();
  });

  it('quarantines every queued item of a deleted collection', async () => {
    const col = await env.client.createCollection({ alias: 'to-delete', companyId: env.demo.companyId });
    await env.queue.enqueueCreatePerson({ collectionId: col.collectionId, metaData: personMeta('G', 'H') }, await photos(1));
    await env.queue.enqueueCreatePerson({ collectionId: col.collectionId, metaData: personMeta('I', 'J') }, await photos(1));
    await env.client.deleteCollection(col.collectionId);
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: fast, concurrency: 1 });
    const report = await worker.syncNow();
    expect(report).toMatchObject({ sent: 0, quarantined: 2, remaining: 0 });
    const reasons = env.queue.list({ state: 'quarantined', limit: 5, offset: 0 }).map((v) => v.quarantineReason);
    expect(reasons).toEqual([expect.stringMatching(/no longer exists/), expect.stringMatching(/no longer exists/)]);
    await worker.stop();
  });

  it('reports each fully confirmed item once to onItemDone, with its person and photo hashes', async () => {
    const ph = await photos(12);
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Di', 'Do') }, ph.slice(0, 10));
    await env.queue.enqueueAddPhotos({ collectionId: env.demo.collectionId, dependsOnEnrollmentId: enrollmentId ?? '' }, ph.slice(10));
    const done: SyncedItem[] = [];
    const worker = createSyncWorker({
      scope: () => null,
      queue: env.queue,
      getClient: () => env.client,
      backoff: fast,
      onItemDone: (item) => {
        done.push(item);
        throw new Error('a failing hook must not stop the queue');
      },
    });
    expect(await worker.syncNow()).toMatchObject({ sent: 2, remaining: 0 });
    const [person] = (await allPersons(env.client, env.demo.collectionId)).filter((p) => enrollmentIdOf(p.metaData) === enrollmentId);
    expect(done.map((d) => d.kind).sort()).toEqual(['addPhotos', 'createPerson']);
    for (const d of done) expect(d).toMatchObject({ collectionId: env.demo.collectionId, personId: person?.personId, enrollmentId });
    expect(done.flatMap((d) => d.sha256s).sort()).toEqual(ph.map((p) => p.sha256).sort());
    await worker.stop();
  });

  it('pauses the whole queue on a permission error until resume()', async () => {
    env.sandbox.createUser({ email: 'clerk@demo.bank', password: 'clerk pass 1', userType: 'CLIENT', companyId: env.demo.companyId });
    const clerk = await env.signedInClient('clerk@demo.bank', 'clerk pass 1');
    let current: OzClient | null = clerk;
    await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('K', 'L') }, await photos(1));
    await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('M', 'N') }, await photos(1));
    // The cut-off attempt is moments old: a short reconcile grace, not the default 15 s.
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => current, backoff: fast, concurrency: 1, reconcileGraceMs: 200 });
    const seen: string[] = [];
    worker.onChange((s) => seen.push(s.pausedReason ?? 'none'));
    const report = await worker.syncNow();
    expect(report).toMatchObject({ stoppedBy: 'paused', sent: 0, remaining: 2 });
    expect(worker.status()).toMatchObject({ pausedReason: 'auth', counts: { ready: 2, quarantined: 0 } });
    expect(worker.status().pausedMessage).toMatch(/code 9/);
    expect(seen).toContain('auth');
    current = env.client;
    worker.resume();
    expect(await worker.syncNow()).toMatchObject({ stoppedBy: 'drained', sent: 2 });
    current = null;
    await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('O', 'P') }, await photos(1));
    expect(await worker.syncNow()).toMatchObject({ stoppedBy: 'paused' });
    expect(worker.status().pausedReason).toBe('not-signed-in');
    await worker.stop();
  });

  it('a sign-in that replaces the session mid-attempt does not pause the queue: the item goes with the new session', async () => {
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('R', 'S') }, await photos(1));
    const [item] = env.queue.list({ limit: 1, offset: 0 });
    // An earlier attempt was cut off: this one first asks the server (a slow listing), then sends.
    env.queue.engine.store.setInFlight(item?.id ?? '', true);
    const old = createOzClient({ baseUrl: env.sandbox.url, email: env.demo.email, password: env.demo.password });
    await old.session.signIn();
    let current: OzClient = old.client;
    // The cut-off attempt is moments old: a short reconcile grace, not the default 15 s.
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => current, backoff: fast, concurrency: 1, reconcileGraceMs: 200 });
    env.sandbox.setFaults('latency=150');
    const drained = worker.syncNow();
    await sleep(50);
    // What the session service does on a new sign-in: close the old connection, then resume the worker.
    old.session.signOut();
    current = env.client;
    worker.resume();
    expect(await drained).toMatchObject({ stoppedBy: 'drained', sent: 1, remaining: 0 });
    expect(worker.status().pausedReason).toBeNull();
    env.sandbox.setFaults(null);
    expect((await allPersons(env.client, env.demo.collectionId)).filter((p) => enrollmentIdOf(p.metaData) === enrollmentId)).toHaveLength(1);
    await worker.stop();
  });
});
