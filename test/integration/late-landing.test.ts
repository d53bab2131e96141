import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOzClient, type OzClient } from '../../src/core/oz/index.js';
import { enrollmentIdOf, uploadName } from '../../src/core/queue/reconcile.js';
import { createSyncWorker } from '../../src/core/queue/sync-worker.js';
import { personMeta, photos } from '../../src/core/queue/testing/queue-test-kit.js';
import { startSandboxQueueEnv, type SandboxQueueEnv } from '../../src/core/queue/testing/sandbox-env.js';
import { startFlakyProxy, type FlakyProxy, type FlakyVerdict } from '../helpers/flaky-proxy.js';

// A send whose answer is lost may still be running on the server: Oz documents no idempotency
// key, so the desk must neither send it again before the server had time to apply it, nor keep
// a second copy when one landed all the same. Here the link drops each first create (or
// photo add) once it was sent whole, and the server applies it 300 ms later.
const SERVER_WORKS_MS = 300;
const fast = { baseMs: 20, capMs: 100 };

async function personsOf(client: OzClient, collectionId: string, enrollmentId: string | null) {
  const out = [];
  for await (const p of client.iteratePersons(collectionId, { pageSize: 100 })) if (enrollmentIdOf(p.metaData) === enrollmentId) out.push(p);
  return out;
}

describe('a send the server applies after the link dropped its answer', () => {
  let env: SandboxQueueEnv;
  let proxy: FlakyProxy;
  let viaProxy: OzClient;
  const cut = new Set<string>();
  let firstPost: FlakyVerdict = { lateBy: SERVER_WORKS_MS };

  beforeEach(async () => {
    env = await startSandboxQueueEnv();
    cut.clear();
    firstPost = { lateBy: SERVER_WORKS_MS };
    // Only the first POST of each path is cut: the retry goes through.
    proxy = await startFlakyProxy(env.sandbox.url, (method, path) => {
      if (method !== 'POST' || !path.includes('/persons') || cut.has(path)) return 'pass';
      cut.add(path);
      return firstPost;
    });
    ({ client: viaProxy } = createOzClient({ baseUrl: proxy.url, email: env.demo.email, password: env.demo.password, timeoutMs: 10_000 }));
  });
  afterEach(async () => {
    await proxy.close();
    await env.close();
  });

  const drain = async (reconcileGraceMs: number) => {
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => viaProxy, backoff: fast, probeIntervalMs: 50, reconcileGraceMs });
    const report = await worker.syncNow({ stopWhenOffline: false });
    await worker.stop();
    return report;
  };

  it('waits out the grace before it concludes that a create was lost: one person, with every photo', async () => {
    const ph = await photos(2);
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Late', 'Lander') }, ph);
    expect(await drain(2_000)).toMatchObject({ sent: 1, quarantined: 0, remaining: 0 });
    expect(proxy.log.filter((l) => l.verdict === 'late')).toHaveLength(1);
    const persons = await personsOf(env.client, env.demo.collectionId, enrollmentId);
    expect(persons).toHaveLength(1);
    const images = await env.client.listPersonImages(env.demo.collectionId, persons[0]!.personId);
    expect(images.map((i) => i.originalName).sort()).toEqual(ph.map((p) => uploadName(p.sha256)).sort());
  });

  it('pressing Sync now while it waits reads again, but neither re-sends early nor pushes the wait out', async () => {
    // This first create never reaches the server: only the grace, counted from the failure, lets the desk send again.
    firstPost = { lateBy: null };
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Impatient', 'Operator') }, await photos(1));
    const worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => viaProxy, backoff: fast, probeIntervalMs: 50, reconcileGraceMs: 1_000 });
    const started = Date.now();
    const drained = worker.syncNow({ stopWhenOffline: false });
    const presses = setInterval(() => void worker.syncNow({ stopWhenOffline: false }), 50);
    const report = await drained;
    clearInterval(presses);
    await worker.stop();
    expect(report).toMatchObject({ sent: 1, remaining: 0 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(took).toBeLessThan(5_000);
    expect(await personsOf(env.client, env.demo.collectionId, enrollmentId)).toHaveLength(1);
  });

  it('a create answered 503 was not applied: it goes again without waiting; a 502 may have been, so the desk waits', async () => {
    const timed = async (answer: FlakyVerdict) => {
      firstPost = answer;
      cut.clear();
      const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Status', String(answer)) }, await photos(1));
      const started = Date.now();
      expect(await drain(1_500)).toMatchObject({ sent: 1, remaining: 0 });
      expect(await personsOf(env.client, env.demo.collectionId, enrollmentId)).toHaveLength(1);
      return Date.now() - started;
    };
    expect(await timed({ status: 503 })).toBeLessThan(1_000);
    expect(await timed({ status: 502 })).toBeGreaterThanOrEqual(1_400);
  });

  it('the race is real: a desk that re-sends at once (no grace) makes a second person', async () => {
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Too', 'Soon') }, await photos(1));
    expect(await drain(0)).toMatchObject({ sent: 1 });
    await new Promise((resolve) => setTimeout(resolve, SERVER_WORKS_MS * 2));
    expect(await personsOf(env.client, env.demo.collectionId, enrollmentId)).toHaveLength(2);
  });

  it('a second copy found when reconciling is deleted, and the oldest person kept', async () => {
    const ph = await photos(1);
    const { itemId, enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Two', 'Copies') }, ph);
    // Both the lost create and a re-send landed (a desk with a grace shorter than the server's work).
    const upload = ph.map((p) => ({ bytes: p.jpeg, fileName: uploadName(p.sha256), mimeType: 'image/jpeg', tags: ['photo_selfie'] }));
    const first = await env.client.createPerson(env.demo.collectionId, { metaData: { enrollment: { id: enrollmentId } }, photos: upload });
    await env.client.createPerson(env.demo.collectionId, { metaData: { enrollment: { id: enrollmentId } }, photos: upload });
    env.queue.engine.store.setInFlight(itemId, true);
    expect(await drain(0)).toMatchObject({ sent: 1, quarantined: 0 });
    expect((await personsOf(env.client, env.demo.collectionId, enrollmentId)).map((p) => p.personId)).toEqual([first.personId]);
    expect(env.queue.engine.store.load(itemId)?.row).toMatchObject({ state: 'done', person_id: first.personId });
  });

  it('a photo added twice to a person keeps one copy', async () => {
    const [photo] = await photos(1);
    const person = await env.client.createPerson(env.demo.collectionId, { metaData: { enrollment: { id: crypto.randomUUID() } }, photos: (await photos(1, 'base')).map((p) => ({ bytes: p.jpeg, fileName: uploadName(p.sha256), mimeType: 'image/jpeg', tags: ['photo_selfie'] })) });
    const { itemId } = await env.queue.enqueueAddPhotos({ collectionId: env.demo.collectionId, targetPersonId: person.personId }, [photo!]);
    const upload = { bytes: photo!.jpeg, fileName: uploadName(photo!.sha256), mimeType: 'image/jpeg', tags: ['photo_selfie'] };
    await env.client.addPersonImages(env.demo.collectionId, person.personId, [upload]);
    await env.client.addPersonImages(env.demo.collectionId, person.personId, [upload]);
    env.queue.engine.store.setInFlight(itemId, true);
    expect(await drain(0)).toMatchObject({ sent: 1, quarantined: 0 });
    const images = await env.client.listPersonImages(env.demo.collectionId, person.personId);
    expect(images.filter((i) => i.originalName === uploadName(photo!.sha256))).toHaveLength(1);
  });

  it('a restart after a crash mid-send counts the grace from the send, not from the restart', async () => {
    const { itemId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Crash', 'Mid') }, await photos(1));
    const claimed = env.queue.engine.store.claimNext(null);
    expect(claimed?.row.id).toBe(itemId);
    const sentAt = env.queue.engine.store.load(itemId)?.row.updated_at as number;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(env.queue.engine.store.recoverSyncing()).toBe(1);
    const again = env.queue.engine.store.claimNext(null);
    expect(again?.row).toMatchObject({ in_flight: 1, updated_at: sentAt });
  });
});
