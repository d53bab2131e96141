import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { processPhoto } from '../../src/core/images/process-photo.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import type { OzClient } from '../../src/core/oz/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { EnrolledPhotos } from '../../src/core/services/enroll/enrolled-photos.js';
import { uploadNameOf } from '../../src/core/services/enroll/enrollment-sink.js';
import type { DeletionJobView } from '../../src/shared/domain/collections.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { PersonResult } from '../../src/shared/domain/enroll.js';
import { makeTempDir, uniqueWideFace } from '../fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

// The desk's record of enrolled photos follows deletions made through the app's handlers
// (the same table the IPC and browser-mode hosts bind), in the same step.
let sb: Sandbox;
let app: App;
let client: OzClient;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let record: EnrolledPhotos;
const photos: Buffer[] = [];

const demo = (): NonNullable<Sandbox['demo']> => sb.demo as NonNullable<Sandbox['demo']>;

/** Hash of a photo as the desk enrolls it (the pipeline's output, not the file). */
async function shaOf(photo: Buffer): Promise<string> {
  const processed = await processPhoto({ bytes: photo });
  if (!processed.ok) throw new Error('fixture refused');
  return processed.sha256;
}

/** Enrolls through the Enroll screen's handler, then lets the desk's sync worker send it; resolves to the person id. */
async function enroll(collectionId: string, first: string, faces: readonly Buffer[]): Promise<string> {
  const result = await dispatch(app.handlers, 'enroll:enrollPerson', {
    collectionId,
    name: { first, middle: '', last: 'Record' },
    source: 'form',
    photos: faces.map((f, i) => ({ dataBase64: f.toString('base64'), fileName: `${first}-${i}.jpg`, tags: ['photo_selfie'] as const })),
    consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(await app.context.sync.syncNow()).toMatchObject({ remaining: 0, quarantined: 0 });
  const { enrollmentId } = result.value as PersonResult;
  const sent = app.context.queue.list({ limit: 100, offset: 0 }).find((i) => i.enrollmentId === enrollmentId);
  return sent?.personId ?? '';
}

beforeAll(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb)).client;
  temp = await makeTempDir('enroll-desk-record-deletions-');
  app = await createApp({ dataDir: join(temp.dir, 'desk'), host: 'browser', secretStore: new InMemorySecretStore(), emit: () => undefined, version: 't', platform: 'linux', localSandbox: null, restoreSession: false });
  expect(await dispatch(app.handlers, 'session:signIn', { serverUrl: sb.url, email: demo().email, password: demo().password, remember: false })).toMatchObject({ ok: true });
  record = new EnrolledPhotos(app.context.db, () => app.context.session.lastScope());
  for (const seed of [71, 72, 73]) photos.push(await (await uniqueWideFace(seed)).jpeg().toBuffer());
}, 60_000);

afterAll(async () => {
  await app.dispose();
  await sb.close();
  await temp.cleanup();
});

describe('deletions through the desk update its enrolled-photo record', () => {
  it('a deleted photo is forgotten (the other stays) and can be enrolled again', async () => {
    const { collectionId } = demo();
    const [a, b] = [photos[0] as Buffer, photos[1] as Buffer];
    const personId = await enroll(collectionId, 'Paula', [a, b]);
    const [shaA, shaB] = [await shaOf(a), await shaOf(b)];
    expect(record.find(collectionId, shaA)).toMatchObject({ personId });
    expect(record.find(collectionId, shaB)).toMatchObject({ personId });

    const image = (await client.listPersonImages(collectionId, personId)).find((i) => i.originalName === uploadNameOf(shaA));
    expect(await dispatch(app.handlers, 'photos:delete', { collectionId, personId, personImageId: image?.personImageId ?? '' })).toMatchObject({ ok: true });
    expect(record.find(collectionId, shaA)).toBeNull();
    expect(record.find(collectionId, shaB)).toMatchObject({ personId });

    // The kept photo is still refused, truthfully; the deleted one enrolls again.
    const refused = await dispatch(app.handlers, 'enroll:enrollPerson', {
      collectionId,
      name: { first: 'Paula', middle: '', last: 'Twice' },
      source: 'form',
      photos: [{ dataBase64: b.toString('base64'), fileName: 'b.jpg', tags: ['photo_selfie'] }],
      consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('the server still holds it'), details: { reason: 'already_enrolled', personId } } });
    const again = await enroll(collectionId, 'Paula', [a]);
    expect(again).not.toBe(personId);
    expect(record.find(collectionId, shaA)).toMatchObject({ personId: again });
  });

  it('a deleted collection takes its records with it', async () => {
    const companyId = (await client.searchCompanies(''))[0]?.companyId ?? '';
    const other = await client.createCollection({ alias: 'to-delete', companyId });
    await enroll(other.collectionId, 'Cora', [photos[2] as Buffer]);
    const sha = await shaOf(photos[2] as Buffer);
    expect(record.find(other.collectionId, sha)).not.toBeNull();

    expect(await dispatch(app.handlers, 'collections:delete', { collectionId: other.collectionId, confirmAlias: 'to-delete' })).toMatchObject({ ok: true });
    for (let i = 0; i < 200; i += 1) {
      const jobs = await dispatch(app.handlers, 'collections:deletionJobs', undefined);
      if (jobs.ok && (jobs.value as readonly DeletionJobView[]).length === 0 && record.find(other.collectionId, sha) === null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(record.find(other.collectionId, sha)).toBeNull();
    expect(record.find(demo().collectionId, await shaOf(photos[1] as Buffer))).not.toBeNull();
  });
});
