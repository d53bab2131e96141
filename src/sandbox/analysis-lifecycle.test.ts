import { afterEach, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage, reencoded } from './testing/test-images.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.sandbox.close();
  f = undefined;
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Person with photo P in collection A, and a probe folder holding P re-encoded. */
async function personAndProbe(fx: Fixture): Promise<{ personId: string; folderId: string; mediaId: string }> {
  const photo = await blockImage();
  const person = await fx.adminA.upload(`/api/collections/${fx.collectionA}/persons/`, [{ field: 'p', bytes: photo }]);
  const folder = await fx.adminA.upload('/api/folders/', [{ field: 'probe', bytes: await reencoded(photo) }], {
    'media:tags': { probe: ['photo_selfie'] },
  });
  return { personId: person.body.person_id, folderId: folder.body.folder_id, mediaId: folder.body.media[0].media_id };
}

describe('COLLECTION analysis lifecycle', () => {
  it('stays PROCESSING for the configured delay, without results, then FINISHES with them', async () => {
    f = await startFixture({ analysisDelayMs: 300 });
    const { personId, folderId, mediaId } = await personAndProbe(f);
    const created = await f.adminA.postJson(`/api/folders/${folderId}/analyses/`, {
      analyses: [{ type: 'collection', collection_id: f.collectionA, source_media: [mediaId] }],
    });
    expect(created.status).toBe(201);
    const [analysis] = created.body;
    expect(analysis).toMatchObject({ state: 'PROCESSING', resolution_status: 'PROCESSING', results_media: [] });
    expect((await f.adminA.get(`/api/folders/${folderId}`)).body.resolution_status).toBe('PROCESSING');
    await sleep(350);
    const finished = await f.adminA.get(`/api/analyses/${analysis.analyse_id}`);
    expect(finished.body).toMatchObject({
      state: 'FINISHED',
      resolution: 'DECLINED',
      results_media: [{ person_id: personId, source_media_id: mediaId }],
    });
    expect((await f.adminA.get(`/api/folders/${folderId}`)).body.resolution_status).toBe('FINISHED');
  });

  it('strict: PROCESSING by default, and no folder deletion (405)', async () => {
    f = await startFixture({ profile: 'strict' });
    const { folderId, mediaId } = await personAndProbe(f);
    const created = await f.adminA.postJson(`/api/folders/${folderId}/analyses/`, {
      analyses: [{ type: 'collection', collection_id: f.collectionA, source_media: [mediaId] }],
    });
    expect(created.body[0].state).toBe('PROCESSING');
    const refused = await f.adminA.delete(`/api/folders/${folderId}`);
    expect(refused.status).toBe(405);
    expect(refused.body.error_code).toBe(1);
    expect((await f.adminA.get(`/api/folders/${folderId}`)).status).toBe(200);
  });

  it('rejects a negative or fractional delay', async () => {
    await expect(startFixture({ analysisDelayMs: -1 })).rejects.toThrow(/analysisDelayMs/);
  });
});

describe('DELETE /api/folders/{id}', () => {
  it('removes the folder, its media and its analyses, which unblocks the matched person', async () => {
    f = await startFixture();
    const { personId, folderId } = await personAndProbe(f);
    await f.adminA.postJson(`/api/folders/${folderId}/analyses/`, { analyses: [{ type: 'collection', collection_id: f.collectionA }] });
    const person = `/api/collections/${f.collectionA}/persons/${personId}`;
    expect((await f.adminA.delete(person)).status).toBe(400);
    expect((await f.clientA.delete(`/api/folders/${folderId}`)).status).toBe(403);
    expect((await f.adminA.delete(`/api/folders/${folderId}/`)).status).toBe(204);
    expect((await f.adminA.get(`/api/folders/${folderId}`)).status).toBe(404);
    expect((await f.adminA.get('/api/folders/?analyse.type=COLLECTION')).body.items).toEqual([]);
    expect((await f.adminA.delete(person)).status).toBe(204);
  });

  it("answers 404 for another company's folder", async () => {
    f = await startFixture();
    const { folderId } = await personAndProbe(f);
    expect((await f.adminB.delete(`/api/folders/${folderId}`)).status).toBe(404);
  });
});

describe('a fault scoped to one route', () => {
  it('fails only the analysis DELETE, and nothing is deleted', async () => {
    f = await startFixture();
    const { folderId } = await personAndProbe(f);
    const [analysis] = (
      await f.adminA.postJson(`/api/folders/${folderId}/analyses/`, { analyses: [{ type: 'collection', collection_id: f.collectionA }] })
    ).body;
    f.sandbox.setFaults('5xx@DELETE:/api/analyses=1');
    expect((await f.adminA.get(`/api/analyses/${analysis.analyse_id}`)).status).toBe(200);
    const refused = await f.adminA.delete(`/api/analyses/${analysis.analyse_id}`);
    expect(refused.status).toBe(500);
    expect(refused.body.error_code).toBe(0);
    expect((await f.adminA.get(`/api/analyses/${analysis.analyse_id}`)).status).toBe(200);
    f.sandbox.setFaults(null);
    expect((await f.adminA.delete(`/api/analyses/${analysis.analyse_id}`)).status).toBe(204);
  });
});
