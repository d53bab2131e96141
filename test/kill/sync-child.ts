// Child process of the kill suite: enqueues a prepared folder of persons (skipping those
// already queued) and syncs them. The parent SIGKILLs it at random moments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createOzClient } from '../../src/core/oz/index.js';
import { createSyncWorker, openQueue } from '../../src/core/queue/index.js';
import { photoOf } from '../../src/core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { secretAccounts } from '../../src/core/secrets/secret-store.js';

export interface KillManifest {
  readonly collectionId: string;
  readonly persons: readonly { readonly enrollmentId: string; readonly name: string; readonly files: readonly string[] }[];
}

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const fixtures = env('KILL_FIXTURES');
const manifest = JSON.parse(readFileSync(path.join(fixtures, 'manifest.json'), 'utf8')) as KillManifest;
// The key would live in the OS keychain; across these short-lived processes the parent holds it.
const secrets = new InMemorySecretStore();
await secrets.set(secretAccounts.queueKey, env('KILL_QUEUE_KEY'));
const queue = await openQueue({ dataDir: env('KILL_DESK_DIR'), secretStore: secrets });
process.stdout.write('started\n');

for (const person of manifest.persons) {
  const photos = person.files.map((f) => photoOf(readFileSync(path.join(fixtures, f)), f));
  await queue.enqueueCreatePerson(
    { collectionId: manifest.collectionId, enrollmentId: person.enrollmentId, metaData: { person_info: { first_name: person.name } } },
    photos,
  );
}

const { client, session } = createOzClient({ baseUrl: env('KILL_SERVER_URL'), email: env('KILL_EMAIL'), password: env('KILL_PASSWORD') });
await session.signIn();
const worker = createSyncWorker({ scope: () => null, queue, getClient: () => client, concurrency: 2, backoff: { baseMs: 100, capMs: 1000 }, probeIntervalMs: 200, reconcileGraceMs: 1000 });
const report = await worker.syncNow({ stopWhenOffline: false });
await worker.stop();
queue.close();
process.stdout.write(`${report.stoppedBy} remaining=${report.remaining}\n`);
process.exit(report.stoppedBy === 'drained' && report.remaining === 0 ? 0 : 1);
