import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentIdOf } from './reconcile.js';
import { createSyncWorker, type SyncWorker } from './sync-worker.js';
import { personMeta, photos } from './testing/queue-test-kit.js';
import { startSandboxQueueEnv, type SandboxQueueEnv } from './testing/sandbox-env.js';

const RETRY_AFTER_S = 2;

/** Polls until the queue's only item waits after a failed send; returns that item. */
async function waitingItem(env: SandboxQueueEnv) {
  for (let i = 0; i < 200; i += 1) {
    const item = env.queue.list({ limit: 1, offset: 0 })[0];
    if (item?.state === 'retry_wait' && item.nextAttemptAt !== null) return item;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the item never waited');
}

async function onServer(env: SandboxQueueEnv, enrollmentId: string): Promise<number> {
  let n = 0;
  for await (const p of env.client.iteratePersons(env.demo.collectionId, { pageSize: 100 })) if (enrollmentIdOf(p.metaData) === enrollmentId) n += 1;
  return n;
}

describe('"Sync now" skips the desk’s own back-off, never a wait the server asked for', () => {
  let env: SandboxQueueEnv;
  let worker: SyncWorker | null = null;
  beforeEach(async () => {
    env = await startSandboxQueueEnv();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await env.close();
  });

  it('after a 429 with Retry-After, a second "sync now" still sends no earlier than the server asked', async () => {
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Rita', 'Hayworth') }, await photos(1));
    worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: { baseMs: 10, capMs: 50, retryAfterCapMs: 10_000 }, random: () => 0 });
    env.sandbox.setFaults(`429=1:${RETRY_AFTER_S}`);
    const first = worker.syncNow();
    const waiting = await waitingItem(env);
    expect(waiting.lastError).toContain('429');
    env.sandbox.setFaults(null);
    // The operator presses "Sync now" again at once; the server's answer still holds.
    const second = worker.syncNow();
    await new Promise((r) => setTimeout(r, 500));
    expect(await onServer(env, enrollmentId ?? '')).toBe(0);
    const [a, b] = await Promise.all([first, second]);
    const sentAt = Date.now();
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    expect(sentAt).toBeGreaterThanOrEqual(waiting.nextAttemptAt as number);
    expect(await onServer(env, enrollmentId ?? '')).toBe(1);
  });

  it('after a 503 without Retry-After, "sync now" sends at once instead of waiting out a minute of back-off', async () => {
    const { enrollmentId } = await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Gene', 'Kelly') }, await photos(1));
    worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.99 });
    env.sandbox.setFaults('5xx=1:503');
    worker.start();
    const waiting = await waitingItem(env);
    expect((waiting.nextAttemptAt as number) - Date.now()).toBeGreaterThan(30_000);
    env.sandbox.setFaults(null);
    const started = Date.now();
    expect(await worker.syncNow()).toMatchObject({ sent: 1, remaining: 0, stoppedBy: 'drained' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await onServer(env, enrollmentId ?? '')).toBe(1);
  });

  it('keeps the server’s wait in the queue’s rows: a later worker’s "sync now" honours it too', async () => {
    await env.queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Cyd', 'Charisse') }, await photos(1));
    worker = createSyncWorker({ scope: () => null, queue: env.queue, getClient: () => env.client, backoff: { baseMs: 10, capMs: 50, retryAfterCapMs: 60_000 }, random: () => 0 });
    env.sandbox.setFaults('429=1:30');
    worker.start();
    const waiting = await waitingItem(env);
    await worker.stop();
    worker = null;
    env.sandbox.setFaults(null);
    // What any later "sync now" (or coming back online) does to the waiting items: the 30 s stay.
    env.queue.engine.store.makeWaitingDue();
    const after = env.queue.list({ limit: 1, offset: 0 })[0];
    expect(after?.nextAttemptAt).toBe(waiting.nextAttemptAt);
    expect((after?.nextAttemptAt as number) - Date.now()).toBeGreaterThan(20_000);
  });
});
