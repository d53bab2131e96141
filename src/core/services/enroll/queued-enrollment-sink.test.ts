import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/fixtures/corpus.js';
import { openQueue, type EnrollmentQueue } from '../../queue/index.js';
import { InMemorySecretStore } from '../../secrets/in-memory-secret-store.js';
import { QueuedEnrollmentSink } from './queued-enrollment-sink.js';

let queue: EnrollmentQueue | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  queue?.close();
  await cleanup?.();
});

const photo = (i: number) => {
  const jpeg = Buffer.from(`fake jpeg ${i}`);
  return { jpeg, sha256: createHash('sha256').update(jpeg).digest('hex'), tags: ['photo_selfie', 'orientation_portrait'] as const };
};

describe('QueuedEnrollmentSink', () => {
  it('queues the person with 10 photos and the rest as add-photo items tied to its enrollment id', async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    queue = await openQueue({ dataDir: temp.dir, secretStore: new InMemorySecretStore() });
    const enrollmentId = randomUUID();
    let woken = 0;
    const result = await new QueuedEnrollmentSink(queue, () => (woken += 1)).submit({
      enrollmentId,
      collectionId: 'col-1',
      metaData: { person_info: { first_name: 'Q' }, enrollment: { id: enrollmentId } },
      photos: Array.from({ length: 13 }, (_, i) => photo(i)),
    });
    expect(result.status).toBe('queued');
    expect(woken).toBe(1);
    const items = queue.list({ limit: 10, offset: 0 });
    expect(items.map((i) => [i.kind, i.photoCount]).sort()).toEqual([
      ['addPhotos', 3],
      ['createPerson', 10],
    ]);
    expect(items.find((i) => i.kind === 'createPerson')).toMatchObject({ id: result.status === 'queued' ? result.itemId : '', enrollmentId });
    expect(items.find((i) => i.kind === 'addPhotos')?.dependsOnEnrollmentId).toBe(enrollmentId);
  });
});
