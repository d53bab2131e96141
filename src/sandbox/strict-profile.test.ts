import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage } from './testing/test-images.js';

// Raw HTTP against both profiles side by side: each switch shows its default and its strict answer.
let strict: Fixture;
let standard: Fixture;
beforeAll(async () => {
  strict = await startFixture({ profile: 'strict' });
  standard = await startFixture();
});
afterAll(async () => {
  await strict.sandbox.close();
  await standard.sandbox.close();
});

const personsOf = (f: Fixture): string => `/api/collections/${f.collectionA}/persons/`;

async function addPerson(f: Fixture): Promise<{ person_id: string }> {
  const created = await f.adminA.upload(personsOf(f), [{ field: 'face', bytes: await blockImage() }], {
    'media:tags': { face: ['photo_selfie'] },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function matchedPerson(f: Fixture): Promise<{ personId: string; folderId: string }> {
  const photo = await blockImage();
  const person = (await f.adminA.upload(personsOf(f), [{ field: 'p', bytes: photo }])).body;
  const folder = (await f.clientA.upload('/api/folders/', [{ field: 'probe', bytes: photo }])).body;
  const analysis = await f.clientA.postJson(`/api/folders/${folder.folder_id}/analyses/`, {
    analyses: [{ type: 'collection', collection_id: f.collectionA }],
  });
  expect(analysis.status).toBe(201);
  return { personId: person.person_id, folderId: folder.folder_id };
}

describe('startSandbox profile option', () => {
  it('reports its profile and refuses an unknown one', async () => {
    expect(strict.sandbox.profile).toBe('strict');
    expect(standard.sandbox.profile).toBe('default');
    await expect(startSandbox({ profile: 'lenient' as never })).rejects.toThrow(/profile must be one of default, strict/);
  });
});

describe('strict: persons without images, collections without persons_count', () => {
  it('leaves images out of a created, read and listed person; the images route has them', async () => {
    const { person_id } = await addPerson(strict);
    expect((await addPerson(strict)).person_id).not.toBe(person_id);
    const created = await strict.adminA.upload(personsOf(strict), [{ field: 'x', bytes: await blockImage() }]);
    expect(created.body).not.toHaveProperty('images');
    const read = await strict.clientA.get(`${personsOf(strict)}${person_id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('images');
    const listed = await strict.clientA.get(personsOf(strict));
    expect(listed.body.items.length).toBeGreaterThanOrEqual(3);
    for (const person of listed.body.items) expect(person).not.toHaveProperty('images');
    const images = await strict.clientA.get(`${personsOf(strict)}${person_id}/images/`);
    expect(images.body).toEqual([expect.objectContaining({ person_id, tags: ['photo_selfie'] })]);

    const standardPerson = await addPerson(standard);
    const standardRead = await standard.clientA.get(`${personsOf(standard)}${standardPerson.person_id}`);
    expect(standardRead.body.images).toHaveLength(1);
  });

  it('leaves persons_count out of collections', async () => {
    const one = await strict.clientA.get(`/api/collections/${strict.collectionA}/`);
    expect(one.body).toMatchObject({ collection_id: strict.collectionA, alias: 'alpha-watchlist' });
    expect(one.body).not.toHaveProperty('persons_count');
    const created = await strict.adminA.postJson('/api/collections/', { alias: 'strict-new', company_id: strict.companyA });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('persons_count');
    const standardOne = await standard.clientA.get(`/api/collections/${standard.collectionA}/`);
    expect(standardOne.body.persons_count).toEqual(expect.any(Number));
  });
});

describe('strict: lists without total', () => {
  it('answers {items} without total on every list, and an empty page past the end', async () => {
    await addPerson(strict);
    await matchedPerson(strict);
    const lists = ['/api/companies/', '/api/collections/', personsOf(strict), '/api/folders/?analyse.type=COLLECTION'];
    for (const path of lists) {
      const page = await strict.clientA.get(path);
      expect(page.status, path).toBe(200);
      expect(page.body.items.length, path).toBeGreaterThan(0);
      expect(page.body, path).not.toHaveProperty('total');
      const beyond = await strict.clientA.get(`${path}${path.includes('?') ? '&' : '?'}offset=100000`);
      expect(beyond.body, path).toEqual({ items: [] });
    }
    const standardPage = await standard.clientA.get('/api/collections/');
    expect(standardPage.body.total).toBe(standardPage.body.items.length);
  });
});

describe('strict: media on a second origin without a token', () => {
  it('points original_url and thumb_url at the media listener, which serves them to anyone', async () => {
    const { person_id } = await addPerson(strict);
    const [image] = (await strict.clientA.get(`${personsOf(strict)}${person_id}/images/`)).body;
    const media = new URL(strict.sandbox.mediaUrl);
    expect(media.origin).not.toBe(new URL(strict.sandbox.url).origin);
    for (const url of [image.original_url, image.thumb_url]) {
      expect(new URL(url).origin).toBe(media.origin);
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('content-type')).toBe('image/jpeg');
      expect((await anonymous.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const unknown = await fetch(`${media.origin}/static/person_images/00000000-0000-0000-0000-000000000000.jpg`);
    expect(unknown.status).toBe(404);
    const apiOnly = await fetch(`${media.origin}/api/collections/`);
    expect(apiOnly.status).toBe(404);

    const standardPerson = await addPerson(standard);
    const [standardImage] = (await standard.clientA.get(`${personsOf(standard)}${standardPerson.person_id}/images/`)).body.items;
    expect(new URL(standardImage.original_url).origin).toBe(new URL(standard.sandbox.url).origin);
    expect((await fetch(standardImage.original_url)).status).toBe(401);
  });

  it('puts folder media on the media listener too', async () => {
    const folder = await strict.clientA.upload('/api/folders/', [{ field: 'probe', bytes: await blockImage() }]);
    const [item] = folder.body.media;
    expect(new URL(item.original_url).origin).toBe(new URL(strict.sandbox.mediaUrl).origin);
    expect((await fetch(item.thumb_url)).status).toBe(200);
  });
});

describe('strict: refused deletes answer 409 with error_code 0', () => {
  it('refuses a matched person with 409 / 0 and another message; default says 400 / 4', async () => {
    const { personId } = await matchedPerson(strict);
    const refused = await strict.adminA.delete(`${personsOf(strict)}${personId}/`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error_code: 0, details: null });
    expect(refused.body.error_message).not.toMatch(/related analyses/);

    const standardMatch = await matchedPerson(standard);
    const standardRefused = await standard.adminA.delete(`${personsOf(standard)}${standardMatch.personId}/`);
    expect(standardRefused.status).toBe(400);
    expect(standardRefused.body).toMatchObject({ error_code: 4, error_message: 'person has related analyses' });
  });

  it('refuses a non-empty collection with 409 / 0', async () => {
    const refused = await strict.adminA.delete(`/api/collections/${strict.collectionA}/`);
    expect(refused.status).toBe(409);
    expect(refused.body.error_code).toBe(0);
    const standardRefused = await standard.adminA.delete(`/api/collections/${standard.collectionA}/`);
    expect(standardRefused.status).toBe(400);
    expect(standardRefused.body).toMatchObject({ error_code: 4, error_message: 'collection is not empty' });
  });
});

describe('strict: a folder embeds analyses only when asked', () => {
  it('GET /api/folders/{id} has no analyses without with_analyses=true', async () => {
    const { folderId } = await matchedPerson(strict);
    const plain = await strict.clientA.get(`/api/folders/${folderId}`);
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('analyses');
    const asked = await strict.clientA.get(`/api/folders/${folderId}?with_analyses=true`);
    expect(asked.body.analyses).toEqual([expect.objectContaining({ type: 'COLLECTION' })]);

    const standardMatch = await matchedPerson(standard);
    const standardPlain = await standard.clientA.get(`/api/folders/${standardMatch.folderId}`);
    expect(standardPlain.body.analyses).toHaveLength(1);
  });
});
