import { createOzClient } from '../src/core/oz/index.js';
import { createSyncWorker, openQueue } from '../src/core/queue/index.js';
import { distinctJpeg, photoOf, tempDir } from '../src/core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../src/core/secrets/in-memory-secret-store.js';
import { startSandbox } from '../src/sandbox/index.js';

const PERSONS = 120;
const CONCURRENCY = 2;

interface Payload {
  readonly jpeg: Buffer;
  readonly name: string;
}

/**
 * Drain rate of the queue (encrypted blobs, fsync'd state changes, reconcile marks) as a
 * ratio to a bare multipart POST loop sending the same persons at the same concurrency,
 * both against one sandbox on loopback. Goal: ≥ 0.8.
 */
export async function benchQueueDrain(): Promise<{ name: string; ratio: number; details: Record<string, number> }> {
  const sandbox = await startSandbox({ port: 0, dataDir: null, seedDemo: true });
  const tmp = tempDir('bench-queue');
  try {
    const demo = sandbox.demo!;
    const payloads: Payload[] = [];
    for (let i = 0; i < PERSONS * 2; i += 1) payloads.push({ jpeg: await distinctJpeg(256), name: `Bench${i}` });
    const bare = payloads.slice(0, PERSONS);
    const queued = payloads.slice(PERSONS);

    const token = await login(sandbox.url, demo.email, demo.password);
    const bareMs = await timed(() => bareLoop(sandbox.url, token, demo.collectionId, bare));

    const queue = await openQueue({ dataDir: tmp.dir, secretStore: new InMemorySecretStore() });
    for (const p of queued) {
      await queue.enqueueCreatePerson({ collectionId: demo.collectionId, metaData: { person_info: { first_name: p.name } } }, [photoOf(p.jpeg, `${p.name}.jpg`)]);
    }
    const { client, session } = createOzClient({ baseUrl: sandbox.url, email: demo.email, password: demo.password });
    await session.signIn();
    const worker = createSyncWorker({ queue, getClient: () => client, concurrency: CONCURRENCY });
    const queueMs = await timed(async () => {
      const report = await worker.syncNow();
      if (report.sent !== PERSONS) throw new Error(`queue sent ${report.sent} of ${PERSONS}`);
    });
    await worker.stop();
    queue.close();

    const bareRate = PERSONS / (bareMs / 1000);
    const queueRate = PERSONS / (queueMs / 1000);
    return {
      name: 'queue-drain',
      ratio: queueRate / bareRate,
      details: { persons: PERSONS, concurrency: CONCURRENCY, bareMs, queueMs, barePerSecond: bareRate, queuePerSecond: queueRate },
    };
  } finally {
    await sandbox.close();
    tmp.remove();
  }
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/authorize/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ credentials: { email, password } }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || body.access_token === undefined) throw new Error(`bench login failed: HTTP ${res.status}`);
  return body.access_token;
}

async function bareLoop(baseUrl: string, token: string, collectionId: string, payloads: readonly Payload[]): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < payloads.length) {
      const p = payloads[next++] as Payload;
      const form = new FormData();
      form.append('image0', new Blob([Uint8Array.from(p.jpeg)], { type: 'image/jpeg' }), `${p.name}.jpg`);
      form.append('payload', JSON.stringify({ 'media:tags': { image0: ['photo_selfie'] }, 'person:meta_data': { person_info: { first_name: p.name } } }));
      const res = await fetch(`${baseUrl}/api/collections/${collectionId}/persons/`, {
        method: 'POST',
        headers: { 'X-Forensic-Access-Token': token },
        body: form,
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`bare POST failed: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
