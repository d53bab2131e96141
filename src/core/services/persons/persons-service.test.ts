import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndexProgress } from '../../../shared/domain/persons.js';
import { faceJpegs } from '../../../../test/fixtures/corpus.js';
import { makePhoto } from '../../../../test/helpers/make-jpeg.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { createPhotoProcessor } from '../../images/photo-processor.js';
import type { OzClient } from '../../oz/index.js';
import { CacheCipher } from '../cache/cache-cipher.js';
import { DeskCache } from '../cache/desk-cache.js';
import { PhotosService } from '../photos/photos-service.js';
import { prepareUploads } from '../photos/prepare-uploads.js';
import { PersonsService } from './persons-service.js';
import { EnrolledPhotos } from '../enroll/enrolled-photos.js';
import { onStrictProfile } from '../../../../test/helpers/sandbox-profile.js';

let sb: Sandbox;
let client: OzClient;
let db: Database.Database;
let cache: DeskCache;
let progress: IndexProgress[];
let persons: PersonsService;
let collectionId: string;

beforeEach(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb, { timeoutMs: 2000 })).client;
  collectionId = sb.demo!.collectionId;
  db = new Database(':memory:');
  cache = new DeskCache(db, new CacheCipher(randomBytes(32)));
  progress = [];
  persons = new PersonsService({
    client: () => client,
    cache,
    photos: createPhotoProcessor(),
    onIndexProgress: (p) => progress.push(p),
    indexPageSize: 4,
    enrolled: new EnrolledPhotos(db, () => null),
  });
});
afterEach(async () => {
  db.close();
  await sb.close();
});

const face = async (i: number) => ({ fileName: `face-${i}.jpg`, base64: ((await faceJpegs())[i] as Buffer).toString('base64'), tags: ['photo_selfie' as const] });

async function seed(names: readonly [string, string][]): Promise<void> {
  let seedNo = 1;
  for (const [first, last] of names) {
    await client.createPerson(collectionId, { photos: [await makePhoto(seedNo++)], metaData: { person_info: { first_name: first, middle_name: '', last_name: last } } });
  }
}

describe('PersonsService', () => {
  it('reads the detail of a person with sizes, tags and thumbnails, through photo additions and deletions', async () => {
    const uploads = await prepareUploads(createPhotoProcessor(), [await face(0), await face(1)]);
    const created = await client.createPerson(collectionId, { photos: uploads, metaData: { person_info: { first_name: 'Ada', last_name: 'Lovelace' } } });
    const detail = await persons.get(collectionId, created.personId);
    expect(detail.offline).toBe(false);
    expect(detail.person).toMatchObject({ name: { first: 'Ada', last: 'Lovelace' }, photoCount: 2 });
    expect(detail.photos).toHaveLength(2);
    expect(detail.photos[0]).toMatchObject({ tags: ['photo_selfie'], width: 600, thumbnail: expect.stringMatching(/^data:image\/jpeg;base64,/) });
    expect(detail.photos[0]?.bytes).toBeGreaterThan(1000);

    const photos = new PhotosService({ client: () => client, cache, photos: createPhotoProcessor(), enrolled: new EnrolledPhotos(db, () => null) });
    expect(await photos.add(collectionId, created.personId, [await face(2)])).toBe(1);
    const imageId = detail.photos[0]!.personImageId;
    await photos.delete(collectionId, created.personId, imageId);
    const after = await persons.get(collectionId, created.personId);
    expect(after.photos.map((p) => p.personImageId)).not.toContain(imageId);
    expect(after.photos).toHaveLength(2);
  });

  it('keeps thumbnails in the shared cache, so a cache wipe drops them', async () => {
    const uploads = await prepareUploads(createPhotoProcessor(), [await face(0)]);
    const created = await client.createPerson(collectionId, { photos: uploads, metaData: { person_info: { first_name: 'Thumb', last_name: 'Nail' } } });
    await persons.list(collectionId, 0, 10);
    const first = await persons.thumbnails(collectionId, [created.personId]);
    expect(first[created.personId]).toMatch(/^data:image\/jpeg;base64,/);
    const url = cache.thumbUrls(collectionId, [created.personId]).get(created.personId) ?? '';
    expect(cache.thumbnails.get(url)).toBe(first[created.personId]);
    cache.wipe();
    expect(cache.thumbnails.get(url)).toBeUndefined();
  });

  it('pages persons, fills the name index page by page and searches it (accents folded)', async () => {
    await seed([['José', 'Álvarez'], ['Ann', 'Lovelace'], ['Bob', 'Stone'], ['Anna', 'Karenina'], ['Zoë', 'Ann'], ['Carl', 'Sagan']]);
    const page = await persons.list(collectionId, 2, 2);
    // A full page: only a server that counts can say how many there are.
    expect(page).toMatchObject({ offset: 2, total: onStrictProfile() ? null : 6, offline: false });
    expect(page.items.map((p) => p.name.first)).toEqual(['Bob', 'Anna']);

    const first = persons.search(collectionId, 'ann', 10);
    expect(first.complete).toBe(false);
    await persons.fillIndex(collectionId);
    expect(progress.map((p) => p.indexed)).toEqual([4, 6]);
    expect(progress.at(-1)).toMatchObject({ complete: true, total: 6 });
    const found = persons.search(collectionId, 'ann', 10);
    expect(found.complete).toBe(true);
    expect(found.items.map((p) => `${p.name.first} ${p.name.last}`)).toEqual(['Ann Lovelace', 'Anna Karenina', 'Zoë Ann']);
    expect(persons.search(collectionId, 'jose alv', 10).items).toHaveLength(1);
  });

  it('returns thumbnails as data URLs for the asked persons only, and serves the cache offline', async () => {
    await seed([['Kim', 'One'], ['Lee', 'Two']]);
    const page = await persons.list(collectionId, 0, 10);
    const [kim, lee] = page.items;
    const thumbs = await persons.thumbnails(collectionId, [kim!.personId]);
    expect(Object.keys(thumbs)).toEqual([kim!.personId]);
    expect(thumbs[kim!.personId]).toMatch(/^data:image\/jpeg;base64,/);

    await persons.get(collectionId, lee!.personId);
    await sb.close();
    const offline = await persons.list(collectionId, 0, 10);
    expect(offline).toMatchObject({ offline: true, total: 2, asOf: page.asOf });
    expect(offline.items.map((p) => p.name.first)).toEqual(['Kim', 'Lee']);
    const detail = await persons.get(collectionId, lee!.personId);
    expect(detail).toMatchObject({ offline: true, person: { name: { first: 'Lee' } } });
    expect(detail.photos).toHaveLength(1);
  });

  it('reports the analyses that block a deletion, then deletes both when confirmed', async () => {
    const photo = await makePhoto(42);
    const person = await client.createPerson(collectionId, { photos: [photo], metaData: { person_info: { first_name: 'Kat' } } });
    const folder = await client.createFolder({ photos: [photo] });
    const [analysis] = await client.startCollectionAnalysis(folder.folderId, collectionId);
    const blocked = await persons.delete(collectionId, person.personId, false);
    expect(blocked).toEqual({ status: 'blocked', analyses: [expect.objectContaining({ analysisId: analysis!.analysisId, folderId: folder.folderId })] });
    const deleted = await persons.delete(collectionId, person.personId, true);
    expect(deleted.status).toBe('deleted');
    await expect(client.getPerson(collectionId, person.personId)).rejects.toMatchObject({ httpStatus: 404 });
  });
});
