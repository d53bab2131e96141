import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../test/helpers/sandbox.js';
import { OzApiError, OzNetworkError, type OzClient } from '../../core/oz/index.js';
import { createSyncWorker, openQueue, type EnrollmentQueue } from '../../core/queue/index.js';
import { enrollmentIdOf } from '../../core/queue/reconcile.js';
import { photos, tempDir } from '../../core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../core/secrets/in-memory-secret-store.js';
import { OnlineEnrollmentSink, type Enrollment, type EnrollmentSink } from '../../core/services/enroll/index.js';
import { FallbackEnrollmentSink } from './import-offline.js';

let sb: Sandbox;
let client: OzClient;
let tmp: ReturnType<typeof tempDir>;
let queue: EnrollmentQueue | null;

async function enrollment(first: string): Promise<Enrollment> {
  const enrollmentId = randomUUID();
  const shots = await photos(2, first);
  return {
    enrollmentId,
    collectionId: sb.demo?.collectionId ?? '',
    metaData: { person_info: { first_name: first, last_name: 'Test' }, enrollment: { id: enrollmentId } },
    photos: shots.map((p) => ({ jpeg: p.jpeg, sha256: p.sha256, tags: p.tags as Enrollment['photos'][number]['tags'] })),
  };
}

/** The real online sink, with the server "dropping" as scripted: before a call, or after it was applied (the answer lost). */
function flakySink(script: ('ok' | 'refused' | 'lost')[]): EnrollmentSink & { calls: number } {
  const online = new OnlineEnrollmentSink(() => client);
  const sink = {
    calls: 0,
    async submit(e: Enrollment): ReturnType<EnrollmentSink['submit']> {
      const step = script[sink.calls++] ?? 'ok';
      if (step === 'refused') throw new OzNetworkError('connect ECONNREFUSED', false, 'ECONNREFUSED');
      const result = await online.submit(e);
      if (step === 'lost') throw new OzNetworkError('socket hang up', true, 'ECONNRESET');
      return result;
    },
  };
  return sink;
}

async function enrollmentIdsOnServer(): Promise<(string | null)[]> {
  const ids: (string | null)[] = [];
  for await (const p of client.iteratePersons(sb.demo?.collectionId ?? '')) ids.push(enrollmentIdOf(p.metaData));
  return ids;
}

beforeEach(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb)).client;
  tmp = tempDir('import-fallback');
  queue = null;
});

afterEach(async () => {
  queue?.close();
  await sb.close();
  tmp.remove();
});

describe('FallbackEnrollmentSink', () => {
  const open = (): Promise<EnrollmentQueue> => openQueue({ dataDir: tmp.dir, secretStore: new InMemorySecretStore() }).then((q) => (queue = q));

  it('enrolls online until the server drops, then queues the failed person and every later one; sync enrolls each exactly once', async () => {
    const online = flakySink(['ok', 'lost']);
    const sink = new FallbackEnrollmentSink(online, open);
    const [a, b, c] = [await enrollment('Ann'), await enrollment('Ben'), await enrollment('Cid')];

    expect(await sink.submit(a)).toMatchObject({ status: 'enrolled' });
    expect(sink.queue).toBeNull();
    // Ben reached the server but its answer was lost: queued, marked for reconciliation.
    expect(await sink.submit(b)).toMatchObject({ status: 'queued' });
    expect(await sink.submit(c)).toMatchObject({ status: 'queued' });
    expect(online.calls).toBe(2);
    expect(queue?.status().pending).toBe(2);

    const worker = createSyncWorker({ queue: queue as EnrollmentQueue, getClient: () => client });
    const report = await worker.syncNow();
    await worker.stop();
    expect(report.stoppedBy).toBe('drained');
    const ids = await enrollmentIdsOnServer();
    expect(ids.sort()).toEqual([a.enrollmentId, b.enrollmentId, c.enrollmentId].sort());
  });

  it('a refused connection is queued as is; other errors are not swallowed', async () => {
    const sink = new FallbackEnrollmentSink(flakySink(['refused']), open);
    const first = await enrollment('Dee');
    expect(await sink.submit(first)).toMatchObject({ status: 'queued' });
    expect(await enrollmentIdsOnServer()).toEqual([]);

    const refusing: EnrollmentSink = {
      submit: () => Promise.reject(new OzApiError({ httpStatus: 400, errorCode: 4, errorMessage: 'no face', details: null, retryAfterSeconds: null })),
    };
    await expect(new FallbackEnrollmentSink(refusing, open).submit(await enrollment('Eve'))).rejects.toBeInstanceOf(OzApiError);
  });
});
