import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage, reencoded } from './testing/test-images.js';

let f: Fixture;
let persons: string;
beforeAll(async () => {
  f = await startFixture();
  persons = `/api/collections/${f.collectionA}/persons/`;
});
afterAll(async () => {
  await f.sandbox.close();
});

async function probeFolder(files: { field: string; bytes: Buffer }[], payload?: unknown): Promise<any> {
  const folder = await f.clientA.upload('/api/folders/', files, payload);
  expect(folder.status).toBe(201);
  return folder.body;
}

const collectionAnalysis = (folderId: string, analysis: Record<string, unknown>) =>
  f.clientA.postJson(`/api/folders/${folderId}/analyses/`, { analyses: [analysis] });

describe('POST /api/folders/', () => {
  it('creates a folder with tagged media and folder:meta_data', async () => {
    const folder = await probeFolder([{ field: 'selfie', bytes: await blockImage() }], {
      'media:tags': { selfie: ['photo_selfie'] },
      'folder:meta_data': { branch: 'B-12' },
    });
    expect(folder).toMatchObject({
      folder_id: expect.any(String),
      meta_data: { branch: 'B-12' },
      media: [{ media_id: expect.any(String), media_type: 'IMAGE_FOLDER', tags: ['photo_selfie'], original_name: 'selfie.jpg' }],
      analyses: [],
      time_created: expect.any(Number),
    });
  });

  it('applies the same multipart validation', async () => {
    const response = await f.clientA.upload('/api/folders/', [{ field: 'a', bytes: await blockImage() }], { 'media:tags': { a: ['nope'] } });
    expect(response.body.error_code).toBe(4);
  });
});

describe('COLLECTION analysis', () => {
  it('finds an identical photo: DECLINED, confidence 1, person and image ids', async () => {
    const photo = await blockImage();
    const person = (await f.adminA.upload(persons, [{ field: 'p', bytes: photo }])).body;
    const folder = await probeFolder([{ field: 'probe', bytes: photo }]);
    const response = await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA });
    expect(response.status).toBe(201);
    expect(response.body).toHaveLength(1);
    const [analysis] = response.body;
    expect(analysis).toMatchObject({
      analysis_id: analysis.analyse_id,
      folder_id: folder.folder_id,
      type: 'COLLECTION',
      state: 'FINISHED',
      resolution_status: 'DECLINED',
      resolution: 'DECLINED',
      collection: { collection_id: f.collectionA, alias: 'alpha-watchlist' },
      source_media: [{ media_id: folder.media[0].media_id }],
      results_data: { max_confidence: 1 },
      results_media: [
        {
          source_media_id: folder.media[0].media_id,
          person_id: person.person_id,
          person_image_id: person.images[0].person_image_id,
          results_data: { confidence: 1 },
        },
      ],
    });
  });

  it('finds a re-encoded, resized copy through the perceptual hash (params.collection_id form)', async () => {
    const photo = await blockImage();
    const person = (await f.adminA.upload(persons, [{ field: 'p', bytes: photo }])).body;
    const folder = await probeFolder([{ field: 'probe', bytes: await reencoded(photo) }]);
    const [analysis] = (await collectionAnalysis(folder.folder_id, { type: 'collection', params: { collection_id: f.collectionA } })).body;
    expect(analysis.resolution).toBe('DECLINED');
    expect(analysis.results_media.map((r: { person_id: string }) => r.person_id)).toEqual([person.person_id]);
    expect(analysis.results_data.max_confidence).toBeGreaterThanOrEqual(0.9);
    expect(analysis.results_data.max_confidence).toBeLessThanOrEqual(1);
  });

  it('reports SUCCESS with no results for an unknown face', async () => {
    const folder = await probeFolder([{ field: 'probe', bytes: await blockImage() }]);
    const [analysis] = (await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA })).body;
    expect(analysis).toMatchObject({ resolution: 'SUCCESS', resolution_status: 'SUCCESS', results_media: [], results_data: { max_confidence: 0 } });
  });

  it('uses only source_media when given and skips photo_id_back otherwise', async () => {
    const photo = await blockImage();
    await f.adminA.upload(persons, [{ field: 'p', bytes: photo }]);
    const folder = await probeFolder(
      [
        { field: 'back', bytes: photo },
        { field: 'other', bytes: await blockImage() },
      ],
      { 'media:tags': { back: ['photo_id', 'photo_id_back'] } },
    );
    const [back, other] = folder.media;
    const [all] = (await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA })).body;
    expect(all.source_media.map((m: { media_id: string }) => m.media_id)).toEqual([other.media_id]);
    expect(all.resolution).toBe('SUCCESS');
    const [chosen] = (
      await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA, source_media: [back.media_id] })
    ).body;
    expect(chosen.resolution).toBe('DECLINED');
  });

  it('validates the request', async () => {
    const folder = await probeFolder([{ field: 'probe', bytes: await blockImage() }]);
    const post = (body: unknown) => f.clientA.postJson(`/api/folders/${folder.folder_id}/analyses`, body);
    expect((await post({ analyses: [{ type: 'collection' }] })).body.error_code).toBe(3);
    expect((await post({})).body.error_code).toBe(3);
    expect((await post({ analyses: [] })).body.error_code).toBe(4);
    const biometry = await post({ analyses: [{ type: 'biometry' }] });
    expect(biometry.status).toBe(501);
    expect(biometry.body.error_code).toBe(2);
    expect((await post({ analyses: [{ type: 'COLLECTION', collection_id: f.collectionA }] })).body.error_code).toBe(4);
    expect((await post({ analyses: [{ type: 'collection', collection_id: f.collectionB }] })).body.error_code).toBe(4);
    expect((await post({ analyses: [{ type: 'collection', collection_id: f.collectionA, source_media: ['x'] }] })).body.error_code).toBe(4);
    expect((await f.adminB.postJson(`/api/folders/${folder.folder_id}/analyses/`, { analyses: [] })).status).toBe(404);
    expect((await f.clientA.get(`/api/folders/${folder.folder_id}`)).body.analyses).toEqual([]);
  });
});

describe('finding and deleting the analyses that block a person', () => {
  it('refuses the person delete with a count, the client finds the analyses through folders, then deletes', async () => {
    const photo = await blockImage();
    const person = (await f.adminA.upload(persons, [{ field: 'p', bytes: photo }])).body;
    const folder = await probeFolder([{ field: 'probe', bytes: photo }]);
    await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA });
    await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA });

    const refused = await f.adminA.delete(`${persons}${person.person_id}/`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error_code: 4, error_message: 'person has related analyses', details: { related_analyses: 2 } });

    const listed = await f.adminA.get('/api/folders/?analyse.type=COLLECTION&limit=1000');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((x: { folder_id: string }) => x.folder_id)).toContain(folder.folder_id);
    expect(listed.body.items[0].analyses).toBeUndefined();
    const withAnalyses = await f.adminA.get('/api/folders?analyses.type=COLLECTION&with_analyses=true&limit=1000');
    expect(withAnalyses.body.items.every((x: { analyses: unknown[] }) => x.analyses.length > 0)).toBe(true);
    expect((await f.adminA.get('/api/folders/?analyse.type=BIOMETRY')).body).toEqual({ items: [], total: 0 });
    expect((await f.adminB.get('/api/folders/?analyse.type=COLLECTION')).body.total).toBe(0);

    const detail = await f.adminA.get(`/api/folders/${folder.folder_id}/`);
    const blocking = detail.body.analyses.filter((a: { results_media: { person_id: string }[] }) =>
      a.results_media.some((r) => r.person_id === person.person_id),
    );
    expect(blocking).toHaveLength(2);
    const one = await f.clientA.get(`/api/analyses/${blocking[0].analysis_id}`);
    expect(one.body).toEqual(blocking[0]);
    expect((await f.adminB.get(`/api/analyses/${blocking[0].analysis_id}`)).status).toBe(404);

    const plain = await f.clientA.delete(`/api/analyses/${blocking[0].analysis_id}`);
    expect(plain.status).toBe(403);
    expect(plain.body.error_code).toBe(9);
    for (const analysis of blocking) expect((await f.adminA.delete(`/api/analyses/${analysis.analysis_id}/`)).status).toBe(204);
    expect((await f.adminA.get(`/api/analyses/${blocking[0].analysis_id}`)).status).toBe(404);
    expect((await f.adminA.delete(`${persons}${person.person_id}`)).status).toBe(204);
  });

  it('still allows deleting a matched person\'s single photo', async () => {
    const photo = await blockImage();
    const person = (await f.adminA.upload(persons, [{ field: 'p', bytes: photo }, { field: 'q', bytes: await blockImage() }])).body;
    const folder = await probeFolder([{ field: 'probe', bytes: photo }]);
    await collectionAnalysis(folder.folder_id, { type: 'collection', collection_id: f.collectionA });
    const image = person.images[0].person_image_id;
    expect((await f.adminA.delete(`${persons}${person.person_id}/images/${image}/`)).status).toBe(204);
  });
});
