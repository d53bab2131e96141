import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage, imageOfBytes } from './testing/test-images.js';

let f: Fixture;
let persons: string;
beforeAll(async () => {
  f = await startFixture({ maxFiles: 3, maxFileBytes: 200_000 });
  persons = `/api/collections/${f.collectionA}/persons/`;
});
afterAll(async () => {
  await f.sandbox.close();
});

const meta = { person_info: { first_name: 'John', middle_name: 'Jameson', last_name: 'Doe' }, enrollment: { id: 'u-1' } };

describe('POST persons', () => {
  it('creates a person (201) from files in any field names, echoing person:meta_data', async () => {
    const response = await f.adminA.upload(
      persons,
      [
        { field: 'front', bytes: await blockImage(), name: 'front.jpg' },
        { field: 'side_photo', bytes: await blockImage('png'), name: 'side.png', type: 'image/png' },
      ],
      { 'media:tags': { front: ['photo_selfie', 'orientation_portrait'] }, 'person:meta_data': meta },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ collection_id: f.collectionA, meta_data: meta, person_id: expect.any(String) });
    const [front, side] = response.body.images;
    expect(front).toMatchObject({
      original_name: 'front.jpg',
      tags: ['photo_selfie', 'orientation_portrait'],
      media_type: 'IMAGE_FOLDER',
      person_id: response.body.person_id,
    });
    expect(front.original_url).toMatch(new RegExp(`^${f.sandbox.url}/.+\\.jpg$`));
    expect(side).toMatchObject({ original_name: 'side.png', tags: [] });
    expect(side.original_url).toMatch(/\.png$/);
  });

  const multipartErrors: ReadonlyArray<readonly [string, number, number, () => Promise<Parameters<Fixture['adminA']['upload']>>]> = [
    ['payload that is not JSON', 400, 3, async () => [persons, [{ field: 'a', bytes: await blockImage() }], '{not json']],
    ['a media:tags key naming no file', 400, 4, async () => [persons, [{ field: 'a', bytes: await blockImage() }], { 'media:tags': { b: ['photo_selfie'] } }]],
    ['a tag outside the Oz list', 400, 4, async () => [persons, [{ field: 'a', bytes: await blockImage() }], { 'media:tags': { a: ['selfie'] } }]],
    ['media:tags that is not an object', 400, 5, async () => [persons, [{ field: 'a', bytes: await blockImage() }], { 'media:tags': ['a'] }]],
    ['person:meta_data that is not an object', 400, 5, async () => [persons, [{ field: 'a', bytes: await blockImage() }], { 'person:meta_data': 'x' }]],
    ['no files', 400, 3, async () => [persons, [], { 'person:meta_data': meta }]],
    ['more files than allowed', 400, 4, async () => [persons, await Promise.all([1, 2, 3, 4].map(async (i) => ({ field: `f${i}`, bytes: await blockImage() })))]],
    ['a file over the size limit', 413, 4, async () => [persons, [{ field: 'big', bytes: await imageOfBytes(300_000) }]]],
    ['bytes that are not JPEG/PNG though declared image/jpeg', 400, 5, async () => [persons, [{ field: 'a', bytes: Buffer.from('GIF89a fake') }]]],
    ['a WebP image', 400, 5, async () => [persons, [{ field: 'a', bytes: await sharp(await blockImage()).webp().toBuffer() }]]],
    ['a truncated JPEG', 400, 5, async () => [persons, [{ field: 'a', bytes: (await blockImage()).subarray(0, 200) }]]],
    ['two files in one field', 400, 4, async () => [persons, [{ field: 'a', bytes: await blockImage() }, { field: 'a', bytes: await blockImage() }]]],
  ];

  it.each(multipartErrors)('rejects %s with HTTP %i code %i and creates nothing', async (_name, status, code, build) => {
    const before = (await f.adminA.get(persons)).body.total;
    const response = await f.adminA.upload(...(await build()));
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error_code: code, error_message: expect.any(String) });
    expect((await f.adminA.get(persons)).body.total).toBe(before);
  });

  it('rejects a JSON body where multipart is expected (code 3)', async () => {
    expect((await f.adminA.postJson(persons, { payload: {} })).body.error_code).toBe(3);
  });

  it('forbids plain CLIENTs (403 code 9) and hides other companies (404 code 10)', async () => {
    const plain = await f.clientA.upload(persons, [{ field: 'a', bytes: await blockImage() }]);
    expect(plain.status).toBe(403);
    expect(plain.body.error_code).toBe(9);
    const foreign = await f.adminB.upload(persons, [{ field: 'a', bytes: await blockImage() }]);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe(10);
    expect((await f.root.upload(persons, [{ field: 'a', bytes: await blockImage() }])).status).toBe(201);
  });
});

describe('GET persons', () => {
  it('pages in creation order with {items,total}; limit defaults to 100, max 1000', async () => {
    const created = await f.adminA.postJson('/api/collections/', { alias: 'paging', company_id: f.companyA });
    const path = `/api/collections/${created.body.collection_id}/persons/`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const person = await f.adminA.upload(path, [{ field: 'a', bytes: await blockImage() }], { 'person:meta_data': { n: i } });
      ids.push(person.body.person_id);
    }
    const all = await f.clientA.get(path);
    expect(all.body.total).toBe(5);
    expect(all.body.items.map((p: { person_id: string }) => p.person_id)).toEqual(ids);
    expect(all.body.items[0].images).toHaveLength(1);
    const page = await f.clientA.get(`${path.slice(0, -1)}?limit=2&offset=2`);
    expect(page.body).toMatchObject({ total: 5 });
    expect(page.body.items.map((p: { person_id: string }) => p.person_id)).toEqual(ids.slice(2, 4));
    expect((await f.clientA.get(`${path}?limit=1000`)).status).toBe(200);
    expect((await f.clientA.get(`${path}?limit=1001`)).body.error_code).toBe(4);
  });

  it('reads one person with and without trailing slash; wrong collection is 404', async () => {
    const person = (await f.adminA.upload(persons, [{ field: 'a', bytes: await blockImage() }])).body;
    expect((await f.clientA.get(`${persons}${person.person_id}`)).body).toEqual(person);
    expect((await f.clientA.get(`${persons}${person.person_id}/`)).status).toBe(200);
    expect((await f.root.get(`/api/collections/${f.collectionB}/persons/${person.person_id}`)).status).toBe(404);
    expect((await f.adminB.get(`${persons}${person.person_id}`)).body.error_code).toBe(10);
  });
});

describe('person images', () => {
  it('adds (201 array), lists ({items,total}) and deletes (204) photos', async () => {
    const person = (await f.adminA.upload(persons, [{ field: 'a', bytes: await blockImage() }])).body;
    const images = `${persons}${person.person_id}/images/`;
    const added = await f.adminA.upload(images, [{ field: 'x', bytes: await blockImage() }, { field: 'y', bytes: await blockImage() }], {
      'media:tags': { x: ['photo_selfie'], y: ['photo_id', 'photo_id_front'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toHaveLength(2);
    expect(added.body[1].tags).toEqual(['photo_id', 'photo_id_front']);
    const listed = await f.clientA.get(images.slice(0, -1));
    expect(listed.body.total).toBe(3);
    expect(Object.keys(listed.body.items[0]).sort()).toEqual(
      ['media_type', 'original_name', 'original_url', 'person_id', 'person_image_id', 'tags', 'thumb_url', 'time_created', 'time_updated'].sort(),
    );
    const target = added.body[0].person_image_id;
    expect((await f.clientA.delete(`${images}${target}/`)).status).toBe(403);
    expect((await f.adminB.delete(`${images}${target}/`)).status).toBe(404);
    expect((await f.adminA.delete(`${images}${target}`)).status).toBe(204);
    expect((await f.adminA.delete(`${images}${target}/`)).status).toBe(404);
    expect((await f.clientA.get(images)).body.total).toBe(2);
    expect((await f.adminA.get(added.body[0].original_url)).status).toBe(404);
  });

  it('serves original and 256 px thumbnail bytes only to authenticated callers of the company', async () => {
    const original = await blockImage('jpeg', 600);
    const person = (await f.adminA.upload(persons, [{ field: 'a', bytes: original }])).body;
    const [image] = person.images;
    const bytes = await fetch(image.original_url, { headers: { 'X-Forensic-Access-Token': f.clientA.token! } });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await bytes.arrayBuffer()).equals(original)).toBe(true);
    const thumb = await fetch(image.thumb_url, { headers: { 'X-Forensic-Access-Token': f.clientA.token! } });
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(256);
    const anonymous = await f.anonymous().get(image.original_url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error_code).toBe(6);
    expect((await f.adminB.get(image.thumb_url)).status).toBe(404);
  });
});

describe('DELETE person', () => {
  it('deletes a person with its photos (204); plain CLIENT gets 403', async () => {
    const person = (await f.adminA.upload(persons, [{ field: 'a', bytes: await blockImage() }])).body;
    expect((await f.clientA.delete(`${persons}${person.person_id}/`)).status).toBe(403);
    expect((await f.adminA.delete(`${persons}${person.person_id}/`)).status).toBe(204);
    expect((await f.adminA.get(`${persons}${person.person_id}`)).status).toBe(404);
    expect((await f.adminA.get(person.images[0].original_url)).status).toBe(404);
  });
});
