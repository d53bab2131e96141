import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage } from './testing/test-images.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sandbox.close();
});

describe('GET /api/companies/', () => {
  it('searches case-insensitively by substring and returns {items,total}', async () => {
    const response = await f.root.get('/api/companies/?search_text=SAVINGS');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [{ company_id: f.companyA, name: 'Alpha Savings Bank' }], total: 1 });
    expect((await f.root.get('/api/companies?search_text=a')).body.total).toBe(2);
    expect((await f.root.get('/api/companies/?search_text=%25')).body.total).toBe(0);
  });

  it('shows a CLIENT only its own company', async () => {
    const response = await f.clientA.get('/api/companies/?search_text=');
    expect(response.body.items.map((c: { company_id: string }) => c.company_id)).toEqual([f.companyA]);
  });
});

describe('POST /api/collections/', () => {
  it('creates a collection (201) with the documented fields', async () => {
    const response = await f.adminA.postJson('/api/collections/', { alias: 'vip', company_id: f.companyA });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      collection_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      alias: 'vip',
      company_id: f.companyA,
      meta_data: null,
      time_created: expect.any(Number),
      time_updated: expect.any(Number),
    });
  });

  it('validates the body: missing 3, wrong type 5, bad value 4', async () => {
    expect((await f.adminA.postJson('/api/collections', { company_id: f.companyA })).body.error_code).toBe(3);
    const wrongType = await f.adminA.postJson('/api/collections/', { alias: 7, company_id: f.companyA });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ error_code: 5, details: { field: 'alias' } });
    expect((await f.adminA.postJson('/api/collections/', { alias: ' ', company_id: f.companyA })).body.error_code).toBe(4);
    const noCompany = await f.root.postJson('/api/collections/', { alias: 'x', company_id: 'nope' });
    expect(noCompany.body).toMatchObject({ error_code: 4, details: { field: 'company_id' } });
  });

  it('forbids plain CLIENTs and other companies (403, code 9); ADMIN may create anywhere', async () => {
    const plain = await f.clientA.postJson('/api/collections/', { alias: 'x', company_id: f.companyA });
    expect(plain.status).toBe(403);
    expect(plain.body.error_code).toBe(9);
    const foreign = await f.adminA.postJson('/api/collections/', { alias: 'x', company_id: f.companyB });
    expect(foreign.status).toBe(403);
    expect((await f.root.postJson('/api/collections/', { alias: 'root-made', company_id: f.companyB })).status).toBe(201);
  });
});

describe('GET /api/collections/', () => {
  it('lists only the caller company for CLIENTs, with persons_count and paging', async () => {
    const mine = await f.clientA.get('/api/collections/');
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((c: { company_id: string }) => c.company_id === f.companyA)).toBe(true);
    expect(mine.body.items[0]).toMatchObject({ collection_id: f.collectionA, persons_count: 0 });
    const all = await f.root.get('/api/collections');
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    const page = await f.root.get('/api/collections/?limit=1&offset=1');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].collection_id).toBe(all.body.items[1].collection_id);
    expect((await f.root.get(`/api/collections/?company_id=${f.companyB}`)).body.items.map((c: { alias: string }) => c.alias)).toContain(
      'beta-watchlist',
    );
    expect((await f.clientA.get(`/api/collections/?company_id=${f.companyB}`)).body).toEqual({ items: [], total: 0 });
  });

  it('rejects bad paging: non-integer 5, out of range 4', async () => {
    expect((await f.root.get('/api/collections/?limit=abc')).body.error_code).toBe(5);
    expect((await f.root.get('/api/collections/?limit=1001')).body.error_code).toBe(4);
    expect((await f.root.get('/api/collections/?offset=-1')).body.error_code).toBe(4);
  });
});

describe('GET/DELETE /api/collections/{id}/', () => {
  it('reads one with and without trailing slash; another company gets 404 code 10', async () => {
    expect((await f.clientA.get(`/api/collections/${f.collectionA}/`)).body.alias).toBe('alpha-watchlist');
    expect((await f.clientA.get(`/api/collections/${f.collectionA}`)).status).toBe(200);
    const foreign = await f.adminB.get(`/api/collections/${f.collectionA}/`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe(10);
    expect((await f.root.get(`/api/collections/${f.collectionA}`)).status).toBe(200);
  });

  it('deletes an empty collection (204) and refuses a non-empty one (400, code 4, persons count)', async () => {
    const empty = await f.adminA.postJson('/api/collections/', { alias: 'temp', company_id: f.companyA });
    expect((await f.clientA.delete(`/api/collections/${empty.body.collection_id}/`)).status).toBe(403);
    expect((await f.adminB.delete(`/api/collections/${empty.body.collection_id}/`)).status).toBe(404);
    const deleted = await f.adminA.delete(`/api/collections/${empty.body.collection_id}`);
    expect(deleted.status).toBe(204);
    expect((await f.adminA.get(`/api/collections/${empty.body.collection_id}/`)).status).toBe(404);

    const full = await f.adminA.postJson('/api/collections/', { alias: 'full', company_id: f.companyA });
    const id = full.body.collection_id;
    for (let i = 0; i < 2; i += 1) {
      const added = await f.adminA.upload(`/api/collections/${id}/persons/`, [{ field: 'image0', bytes: await blockImage() }]);
      expect(added.status).toBe(201);
    }
    expect((await f.adminA.get(`/api/collections/${id}/`)).body.persons_count).toBe(2);
    const refused = await f.adminA.delete(`/api/collections/${id}/`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error_code: 4, error_message: 'collection is not empty', details: { persons: 2 } });
    expect((await f.adminA.get(`/api/collections/${id}/`)).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers a wrong method with 405 code 1 and an unknown path with 404 code 10', async () => {
    const wrong = await f.root.send('PUT', `/api/collections/${f.collectionA}/`);
    expect(wrong.status).toBe(405);
    expect(wrong.body.error_code).toBe(1);
    expect(wrong.headers.get('allow')).toContain('DELETE');
    const unknown = await f.root.get('/api/nothing-here/');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_code).toBe(10);
  });
});
