import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, uniqueFace } from '../../../../test/fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../../shared/domain/consent.js';
import { createPhotoProcessor } from '../../images/photo-processor.js';
import type { OzClient } from '../../oz/index.js';
import { openQueue, type EnrollmentQueue } from '../../queue/index.js';
import { InMemorySecretStore } from '../../secrets/in-memory-secret-store.js';
import { openDeskDb } from '../../storage/open-desk-db.js';
import { createDeskSyncWorker } from './desk-sync.js';
import { EnrollService } from './enroll-service.js';
import { QueuedEnrollmentSink } from './queued-enrollment-sink.js';

let sb: Sandbox;
let client: OzClient;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let queue: EnrollmentQueue;

beforeAll(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb)).client;
  temp = await makeTempDir('enroll-desk-queued-dup-');
  queue = await openQueue({ dataDir: join(temp.dir, 'desk'), secretStore: new InMemorySecretStore() });
});

afterAll(async () => {
  queue.close();
  await sb.close();
  await temp.cleanup();
});

describe('photos waiting in the queue, then confirmed by the server', () => {
  it('the dry run reports a queued photo as already queued; once sent, the desk records it as enrolled', async () => {
    const collectionId = sb.demo?.collectionId ?? '';
    const folder = join(temp.dir, 'batch');
    await mkdir(join(folder, 'Quinn Queued'), { recursive: true });
    await mkdir(join(folder, 'Fay Fresh'), { recursive: true });
    await writeFile(join(folder, 'Quinn Queued', 'q1.jpg'), await (await uniqueFace(61)).jpeg().toBuffer());
    await writeFile(join(folder, 'Fay Fresh', 'f1.jpg'), await (await uniqueFace(62)).jpeg().toBuffer());
    const photos = createPhotoProcessor({ concurrency: 2 });
    const processed = await photos.process({ path: join(folder, 'Quinn Queued', 'q1.jpg') });
    if (!processed.ok) throw new Error('fixture refused');
    await queue.enqueueCreatePerson({ collectionId, metaData: { person_info: { first_name: 'Quinn' } } }, [
      { jpeg: processed.jpeg, sha256: processed.sha256, tags: ['photo_selfie'], fileName: 'q1.jpg' },
    ]);

    const db = openDeskDb(null);
    const service = new EnrollService({
      db,
      sink: new QueuedEnrollmentSink(queue),
      photos,
      client: () => client,
      deskName: () => 'desk',
      operator: () => 'operator@demo.bank',
      scope: () => null,
      consentTerms: () => ({ version: DEFAULT_CONSENT_TEXT_VERSION, text: 'Agreed.' }),
      isQueued: (c, sha) => queue.hasPhoto(sha, c),
    });
    const photoOf = async (name: string) =>
      (await service.scan({ path: folder, collectionId })).report.persons.flatMap((p) => p.photos).find((p) => p.fileName === name);
    expect(await photoOf('q1.jpg')).toMatchObject({ status: 'duplicate', reason: 'already_queued', sha256: processed.sha256 });
    expect(await photoOf('f1.jpg')).toMatchObject({ status: 'accepted' });
    // Another collection does not hold it.
    expect(queue.hasPhoto(processed.sha256, 'another-collection')).toBe(false);

    // The desk's one sync worker records what the server confirmed in the desk's database.
    const worker = createDeskSyncWorker({ scope: () => null, queue, db, getClient: () => client });
    expect(await worker.syncNow()).toMatchObject({ sent: 1, remaining: 0 });
    const [item] = queue.list({ limit: 1, offset: 0 });
    expect(service.enrolled.find(collectionId, processed.sha256)).toEqual({ personId: item?.personId, enrollmentId: item?.enrollmentId });
    expect(queue.hasPhoto(processed.sha256)).toBe(false);
    expect(await photoOf('q1.jpg')).toMatchObject({ status: 'duplicate', reason: 'already_enrolled' });
    await worker.stop();
  });
});
