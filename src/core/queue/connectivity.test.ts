import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { testSandboxProfile } from '../../../test/helpers/sandbox-profile.js';
import { createOzClient } from '../oz/index.js';
import { InMemorySecretStore } from '../secrets/in-memory-secret-store.js';
import { ConnectivityMonitor } from './connectivity.js';
import { openQueue, type EnrollmentQueue } from './enrollment-queue.js';
import { createSyncWorker, type SyncWorker } from './sync-worker.js';
import type { Connectivity, SyncStatus } from './queue-types.js';
import { personMeta, photos, tempDir } from './testing/queue-test-kit.js';

describe('ConnectivityMonitor', () => {
  it('goes offline at once on a connect failure, after three ambiguous failures otherwise', () => {
    const seen: Connectivity[] = [];
    const m = new ConnectivityMonitor((s) => seen.push(s));
    expect(m.state).toBe('unknown');
    m.reportFailure(false);
    m.reportFailure(false);
    expect(m.state).toBe('unknown');
    m.reportSuccess();
    m.reportFailure(false);
    m.reportFailure(false);
    expect(m.state).toBe('online');
    m.reportFailure(false);
    expect(m.state).toBe('offline');
    m.reportSuccess();
    m.reportFailure(true);
    expect(seen).toEqual(['online', 'offline', 'online', 'offline']);
  });
});

describe('sync worker connectivity', () => {
  const serverDir = tempDir('offline-server');
  const deskDir = tempDir('offline-desk');
  let sandbox: RunningSandbox | null = null;
  let queue: EnrollmentQueue | null = null;
  let worker: SyncWorker | null = null;

  afterEach(async () => {
    await worker?.stop();
    queue?.close();
    await sandbox?.close();
    serverDir.remove();
    deskDir.remove();
  });

  it('detects offline, probes, and syncs by itself when the server is back', async () => {
    const first = await startSandbox({ port: 0, dataDir: serverDir.dir, seedDemo: true, profile: testSandboxProfile() });
    const { port } = first;
    const demo = first.demo!;
    await first.close();

    const { client } = createOzClient({ baseUrl: `http://127.0.0.1:${port}`, email: demo.email, password: demo.password, timeoutMs: 5000 });
    queue = await openQueue({ dataDir: deskDir.dir, secretStore: new InMemorySecretStore() });
    worker = createSyncWorker({ scope: () => null, queue, getClient: () => client, backoff: { baseMs: 20, capMs: 100 }, probeIntervalMs: 100 });
    const statuses: SyncStatus[] = [];
    const until = (pred: (s: SyncStatus) => boolean) =>
      new Promise<void>((resolve) => {
        const off = worker!.onChange((s) => {
          statuses.push(s);
          if (pred(s)) {
            off();
            resolve();
          }
        });
      });

    const offline = until((s) => s.connectivity === 'offline');
    worker.start();
    await queue.enqueueCreatePerson({ collectionId: demo.collectionId, metaData: personMeta('Q', 'R') }, await photos(1));
    await offline;
    expect(await worker.syncNow()).toMatchObject({ stoppedBy: 'offline', sent: 0, remaining: 1 });

    const drained = until((s) => s.connectivity === 'online' && s.pending === 0);
    sandbox = await startSandbox({ port, dataDir: serverDir.dir, seedDemo: true, profile: testSandboxProfile() });
    await drained;
    expect(worker.status().counts.doneToday).toBe(1);
    const page = await client.listPersons(demo.collectionId, { limit: 10, offset: 0 });
    expect(page.items).toHaveLength(1);
  });
});
