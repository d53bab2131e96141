import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createOzClient } from '../src/core/oz/index.js';
import { createSyncWorker, openQueue } from '../src/core/queue/index.js';
import { distinctJpeg, photoOf, tempDir } from '../src/core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../src/core/secrets/in-memory-secret-store.js';
import type { BenchReport } from './bench-report.js';

// Overridable for a quick run: BENCH_QUEUE_PERSONS=40 BENCH_QUEUE_ROUNDS=2 npm run bench queue-drain
const PERSONS_PER_ROUND = Number(process.env['BENCH_QUEUE_PERSONS'] ?? 60);
const ROUNDS = Number(process.env['BENCH_QUEUE_ROUNDS'] ?? 4);
const WARM_UP = 10;
const CONCURRENCY = 2;
const PHOTO_PX = 256;
const RATIO_GOAL = 0.8;

interface Payload {
  readonly jpeg: Buffer;
  readonly name: string;
  readonly enrollmentId: string;
}

interface Server {
  readonly url: string;
  readonly email: string;
  readonly password: string;
  readonly child: ChildProcess;
}

/**
 * The queue's drain rate (claim, reconcile mark, decrypt, send, confirm: each state change
 * committed with fsync) as a ratio to a bare multipart POST loop sending the same payloads
 * at the same concurrency. Both talk to one sandbox in its own process on loopback (as a
 * real server would be: the desk's fsyncs never stall it); rounds alternate which side
 * goes first so warm-up and a growing server database weigh on both alike.
 */
export default async function benchQueueDrain(): Promise<BenchReport> {
  const tmp = tempDir('bench-queue');
  const server = await startServer(tmp.dir);
  try {
    const { client, session } = createOzClient({ baseUrl: server.url, email: server.email, password: server.password });
    await session.signIn();
    const collectionId = (await client.listCollections()).find((c) => c.alias === 'demo-watchlist')?.collectionId;
    if (collectionId === undefined) throw new Error('no demo collection');
    const token = await login(server);
    const queue = await openQueue({ dataDir: `${tmp.dir}/desk`, secretStore: new InMemorySecretStore() });
    const worker = createSyncWorker({ scope: () => null, queue, getClient: () => client, concurrency: CONCURRENCY });

    const bare = (payloads: readonly Payload[]) => timed(() => bareLoop(server.url, token, collectionId, payloads));
    const queued = async (payloads: readonly Payload[]): Promise<number> => {
      for (const p of payloads) {
        await queue.enqueueCreatePerson({ collectionId, metaData: metaOf(p), enrollmentId: p.enrollmentId }, [photoOf(p.jpeg, `${p.name}.jpg`)]);
      }
      return timed(async () => {
        const report = await worker.syncNow();
        if (report.sent !== payloads.length) throw new Error(`queue sent ${report.sent} of ${payloads.length}`);
      });
    };

    await bare(await makePayloads(WARM_UP));
    await queued(await makePayloads(WARM_UP));
    let bareMs = 0;
    let queueMs = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const payloads = await makePayloads(PERSONS_PER_ROUND);
      // The same photos and meta data on both sides (fresh enrollment ids for the queue).
      const again = payloads.map((p) => ({ ...p, enrollmentId: randomUUID() }));
      if (round % 2 === 0) {
        bareMs += await bare(payloads);
        queueMs += await queued(again);
      } else {
        queueMs += await queued(again);
        bareMs += await bare(payloads);
      }
    }
    await worker.stop();
    queue.close();

    const persons = PERSONS_PER_ROUND * ROUNDS;
    const barePerSecond = persons / (bareMs / 1000);
    const queuePerSecond = persons / (queueMs / 1000);
    const ratio = queuePerSecond / barePerSecond;
    return {
      title: `Queue drain vs a bare multipart POST loop (${persons} persons, 1 photo of ${PHOTO_PX} px each, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds)`,
      rows: [
        { metric: 'bare POST loop', value: barePerSecond, unit: 'persons/s' },
        { metric: 'queue drain (sync worker)', value: queuePerSecond, unit: 'persons/s' },
        { metric: 'queue drain / bare loop', value: ratio, unit: 'ratio', goal: `>= ${RATIO_GOAL}`, met: ratio >= RATIO_GOAL },
      ],
      notes: [
        'The sandbox runs in its own process (enroll-desk sandbox) on 127.0.0.1; both sides share it, one side at a time.',
        `Leaves out: image processing, the dry run and enqueueing (timed before the drain starts), real photo sizes (${PHOTO_PX} px payloads) and network latency.`,
      ],
    };
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    tmp.remove();
  }
}

async function startServer(dir: string): Promise<Server> {
  const child = spawn(process.execPath, ['bin/enroll-desk', 'sandbox', '--port', '0', '--seed-demo', '--json', '--data', `${dir}/oz`], {
    cwd: new URL('..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const info = JSON.parse(line) as { url: string; email: string; password: string };
    lines.close();
    return { url: info.url, email: info.email, password: info.password, child };
  }
  throw new Error('the sandbox exited before it listened');
}

async function makePayloads(count: number): Promise<Payload[]> {
  const out: Payload[] = [];
  for (let i = 0; i < count; i += 1) out.push({ jpeg: await distinctJpeg(PHOTO_PX), name: `Bench${i}`, enrollmentId: randomUUID() });
  return out;
}

const metaOf = (p: Payload): Record<string, unknown> => ({ person_info: { first_name: p.name }, enrollment: { id: p.enrollmentId } });

async function login(server: Server): Promise<string> {
  const res = await fetch(`${server.url}/api/authorize/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ credentials: { email: server.email, password: server.password } }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || body.access_token === undefined) throw new Error(`bench login failed: HTTP ${res.status}`);
  return body.access_token;
}

/** What the queue sends for one person, without the queue: one multipart POST per person, CONCURRENCY lanes. */
async function bareLoop(baseUrl: string, token: string, collectionId: string, payloads: readonly Payload[]): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < payloads.length) {
      const p = payloads[next++] as Payload;
      const form = new FormData();
      form.append('image0', new Blob([Uint8Array.from(p.jpeg)], { type: 'image/jpeg' }), `${p.name}.jpg`);
      form.append('payload', JSON.stringify({ 'media:tags': { image0: ['photo_selfie'] }, 'person:meta_data': metaOf(p) }));
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
