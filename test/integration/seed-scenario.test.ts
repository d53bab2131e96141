import { afterAll, beforeAll, expect, it } from 'vitest';
import { OzApiError, type OzClient } from '../../src/core/oz/index.js';
import { makePhoto } from '../helpers/make-jpeg.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';
import { refusedDeleteAnswer } from '../helpers/sandbox-profile.js';
import { waitForAnalysis } from '../../src/core/services/duplicates/poll-analysis.js';

let sb: Sandbox;
let client: OzClient;

beforeAll(async () => {
  sb = await startDemoSandbox();
  ({ client } = await signedInClient(sb));
});
afterAll(() => sb.close());

async function rejection(promise: Promise<unknown>): Promise<OzApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OzApiError);
  return err as OzApiError;
}

it('runs the seed collection scenario end to end over real HTTP', async () => {
  // Find the company by part of its name.
  const companies = await client.searchCompanies('demo');
  const company = companies.find((c) => c.name === 'Demo Bank');
  expect(company?.companyId).toBe(sb.demo?.companyId);

  // Create the collection.
  const collection = await client.createCollection({ alias: 'seed-watchlist', companyId: company?.companyId ?? '' });
  expect(collection.alias).toBe('seed-watchlist');
  const collectionId = collection.collectionId;
  expect((await client.listCollections()).map((c) => c.collectionId)).toContain(collectionId);

  // Add a person with a tagged photo and the name as metadata.
  const front = await makePhoto(101, ['photo_selfie', 'orientation_portrait']);
  const personInfo = { first_name: 'John', middle_name: 'Jameson', last_name: 'Doe' };
  const person = await client.createPerson(collectionId, { photos: [front], metaData: { person_info: personInfo } });
  expect(person.metaData).toEqual({ person_info: personInfo });
  const personId = person.personId;

  // Add a second photo.
  const added = await client.addPersonImages(collectionId, personId, [await makePhoto(102)]);
  expect(added).toHaveLength(1);

  // List persons and the person's photos.
  const persons = await client.listPersons(collectionId, { limit: 100, offset: 0 });
  expect(persons.items.map((p) => p.personId)).toEqual([personId]);
  expect(persons.items[0]?.metaData).toEqual({ person_info: personInfo });
  const images = await client.listPersonImages(collectionId, personId);
  expect(images).toHaveLength(2);
  const frontImage = images.find((i) => i.tags.includes('orientation_portrait'));
  expect(frontImage?.tags).toEqual(['photo_selfie', 'orientation_portrait']);
  const original = await client.fetchImageBytes(frontImage?.originalUrl ?? '');
  expect(Buffer.from(original.bytes).equals(Buffer.from(front.bytes))).toBe(true);

  // Delete the second photo.
  const second = images.find((i) => i.personImageId !== frontImage?.personImageId);
  await client.deletePersonImage(collectionId, personId, second?.personImageId ?? '');
  expect((await client.listPersonImages(collectionId, personId)).map((i) => i.personImageId)).toEqual([
    frontImage?.personImageId,
  ]);

  // A COLLECTION analysis of a folder holding the same photo matches the person...
  const folder = await client.createFolder({ photos: [front], metaData: { branch: 'test' } });
  const [started] = await client.startCollectionAnalysis(folder.folderId, collectionId);
  // Oz may answer PROCESSING first (strict does): its result comes by polling.
  const analysis = started === undefined ? undefined : await waitForAnalysis(client, started, folder.folderId);
  expect(analysis?.resultsMedia.map((m) => m.personId)).toContain(personId);

  // ...so the person cannot be deleted.
  const refused = await rejection(client.deletePerson(collectionId, personId));
  expect([refused.httpStatus, refused.errorCode]).toEqual(refusedDeleteAnswer());

  // Find that analysis through the COLLECTION folders and delete it.
  const found: string[] = [];
  for await (const f of client.iterateFolders({ analyseType: 'COLLECTION', pageSize: 10 })) {
    const details = await client.getFolder(f.folderId);
    for (const a of details.analyses ?? []) {
      if (a.type === 'COLLECTION' && a.resultsMedia.some((m) => m.personId === personId)) found.push(a.analysisId);
    }
  }
  expect(found).toEqual([analysis?.analysisId]);
  await client.deleteAnalysis(found[0] ?? '');
  expect((await rejection(client.getAnalysis(found[0] ?? ''))).errorCode).toBe(10);

  // Now the person goes, with all photos.
  await client.deletePerson(collectionId, personId);
  expect((await rejection(client.getPerson(collectionId, personId))).errorCode).toBe(10);

  // And finally the empty collection.
  await client.deleteCollection(collectionId);
  expect((await rejection(client.getCollection(collectionId))).errorCode).toBe(10);
  expect((await client.listCollections()).map((c) => c.collectionId)).not.toContain(collectionId);
});
