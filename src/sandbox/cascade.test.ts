import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage } from './testing/test-images.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ cascadeDeletes: true });
});
afterAll(async () => {
  await f.sandbox.close();
});

describe('cascadeDeletes', () => {
  it('deletes a collection with its persons, photos and the analyses that matched them', async () => {
    const photo = await blockImage();
    const person = await f.adminA.upload(`/api/collections/${f.collectionA}/persons/`, [{ field: 'p', bytes: photo }]);
    const folder = await f.clientA.upload('/api/folders/', [{ field: 'probe', bytes: photo }]);
    const [analysis] = (
      await f.clientA.postJson(`/api/folders/${folder.body.folder_id}/analyses/`, {
        analyses: [{ type: 'collection', collection_id: f.collectionA }],
      })
    ).body;
    expect(analysis.resolution).toBe('DECLINED');
    const deleted = await f.adminA.delete(`/api/collections/${f.collectionA}/`);
    expect(deleted.status).toBe(204);
    expect((await f.adminA.get(`/api/analyses/${analysis.analyse_id}`)).status).toBe(404);
    expect((await f.adminA.get(person.body.images[0].original_url)).status).toBe(404);
  });

  it('deletes a matched person together with the analyses naming it', async () => {
    const created = await f.adminB.postJson('/api/collections/', { alias: 'c2', company_id: f.companyB });
    const photo = await blockImage();
    const person = await f.adminB.upload(`/api/collections/${created.body.collection_id}/persons/`, [{ field: 'p', bytes: photo }]);
    const folder = await f.adminB.upload('/api/folders/', [{ field: 'probe', bytes: photo }]);
    await f.adminB.postJson(`/api/folders/${folder.body.folder_id}/analyses/`, {
      analyses: [{ type: 'collection', collection_id: created.body.collection_id }],
    });
    const deleted = await f.adminB.delete(`/api/collections/${created.body.collection_id}/persons/${person.body.person_id}/`);
    expect(deleted.status).toBe(204);
    expect((await f.adminB.get(`/api/folders/${folder.body.folder_id}`)).body.analyses).toEqual([]);
  });
});
