import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../secrets/keytar-secret-store.js';
import { secretAccounts } from '../secrets/secret-store.js';
import { openQueue } from './enrollment-queue.js';
import { QueueDecryptError } from './queue-crypto.js';
import { createSyncWorker } from './sync-worker.js';
import { startSandboxQueueEnv } from './testing/sandbox-env.js';
import { personMeta, photos, tempDir } from './testing/queue-test-kit.js';

// The product's key store: the queue key lives in the real OS keychain (gnome-keyring under
// dbus-run-session: `bash scripts/with-keyring.sh npx vitest run <this file>`).
describe('the queue with its key in the real keychain', () => {
  const secrets = new KeytarSecretStore(`enroll-desk-test-${randomUUID()}`);
  const tmp = tempDir('keychain-queue');
  afterAll(async () => {
    await secrets.delete(secretAccounts.queueKey);
    tmp.remove();
  });

  it('creates the key once, reopens what it queued after a restart, syncs it, and cannot read it without the key', async () => {
    const first = await openQueue({ dataDir: tmp.dir, secretStore: secrets });
    const queued = await first.enqueueCreatePerson({ collectionId: 'c-1', metaData: personMeta('Kira', 'Keychain') }, await photos(2));
    first.close();
    const key = await secrets.get(secretAccounts.queueKey);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);

    // A restart: the same key comes back from the keychain and decrypts the stored names.
    const reopened = await openQueue({ dataDir: tmp.dir, secretStore: secrets });
    expect(await secrets.get(secretAccounts.queueKey)).toBe(key);
    expect(reopened.list({ limit: 5, offset: 0, withNames: true })).toMatchObject([{ id: queued.itemId, displayName: 'Kira Keychain', photoCount: 2 }]);
    expect(reopened.engine.blobs.read(blobIdOf(reopened)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    reopened.close();

    // Another keychain (another desk or a wiped key): the rows are there but unreadable.
    await secrets.delete(secretAccounts.queueKey);
    const withoutKey = await openQueue({ dataDir: tmp.dir, secretStore: secrets });
    expect(withoutKey.list({ limit: 5, offset: 0, withNames: true })[0]?.displayName).toBeNull();
    expect(() => withoutKey.engine.blobs.read(blobIdOf(withoutKey))).toThrow(QueueDecryptError);
    withoutKey.close();
  });

  it('sends what it queued to the server', async () => {
    const env = await startSandboxQueueEnv();
    const dir = tempDir('keychain-sync');
    try {
      const queue = await openQueue({ dataDir: dir.dir, secretStore: secrets });
      await queue.enqueueCreatePerson({ collectionId: env.demo.collectionId, metaData: personMeta('Kai', 'Keytar') }, await photos(1));
      const worker = createSyncWorker({ scope: () => null, queue, getClient: () => env.client });
      expect(await worker.syncNow()).toMatchObject({ sent: 1, stoppedBy: 'drained' });
      await worker.stop();
      queue.close();
      const names: string[] = [];
      for await (const p of env.client.iteratePersons(env.demo.collectionId)) names.push((p.metaData?.['person_info'] as { first_name: string }).first_name);
      expect(names).toContain('Kai');
    } finally {
      await env.close();
      dir.remove();
    }
  });
});

function blobIdOf(queue: Awaited<ReturnType<typeof openQueue>>): string {
  const id = queue.engine.store.list({ limit: 1, offset: 0 })[0];
  if (id === undefined || !id.ok) throw new Error('no item');
  const blob = id.item.photos[0]?.blob_id;
  if (typeof blob !== 'string') throw new Error('no blob');
  return blob;
}
