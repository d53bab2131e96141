import { afterEach, describe, expect, it } from 'vitest';
import { FaultSpecError, startSandbox } from './index.js';
import { startFixture, type Fixture } from './testing/fixture.js';
import { blockImage } from './testing/test-images.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.sandbox.close();
  f = undefined;
});

const aliases = async (fx: Fixture): Promise<string[]> =>
  (await fx.adminA.get('/api/collections/')).body.items.map((c: { alias: string }) => c.alias);

describe('fault injection', () => {
  it('is off by default', async () => {
    f = await startFixture();
    for (let i = 0; i < 20; i += 1) expect((await f.adminA.get('/api/collections/')).status).toBe(200);
  });

  it('5xx: answers 500 code 0 before anything is committed', async () => {
    f = await startFixture();
    f.sandbox.setFaults('5xx=1');
    const json = await f.adminA.postJson('/api/collections/', { alias: 'never', company_id: f.companyA });
    expect(json.status).toBe(500);
    expect(json.body).toMatchObject({ error_code: 0 });
    const upload = await f.adminA.upload(`/api/collections/${f.collectionA}/persons/`, [{ field: 'a', bytes: await blockImage() }]);
    expect(upload.status).toBe(500);
    f.sandbox.setFaults(null);
    expect(await aliases(f)).not.toContain('never');
    expect((await f.adminA.get(`/api/collections/${f.collectionA}/persons/`)).body.total).toBe(0);
    f.sandbox.setFaults('5xx=1:503');
    expect(await f.adminA.get('/api/collections/')).toMatchObject({ status: 503, body: { error_code: 0 } });
  });

  it('reset: the change is committed but the client sees the connection drop', async () => {
    f = await startFixture();
    f.sandbox.setFaults('reset=1');
    await expect(f.adminA.postJson('/api/collections/', { alias: 'ghost-commit', company_id: f.companyA })).rejects.toThrow();
    f.sandbox.setFaults(null);
    expect(await aliases(f)).toContain('ghost-commit');
  });

  it('429: carries Retry-After and commits nothing', async () => {
    f = await startFixture();
    f.sandbox.setFaults('429=1:7');
    const response = await f.adminA.postJson('/api/collections/', { alias: 'throttled', company_id: f.companyA });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.body.error_code).toBe(0);
    f.sandbox.setFaults('');
    expect(await aliases(f)).not.toContain('throttled');
  });

  it('latency: delays every route, auth included', async () => {
    f = await startFixture();
    f.sandbox.setFaults('latency=300');
    let started = Date.now();
    await f.adminA.get('/api/collections/');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    started = Date.now();
    await f.anonymous().login('admin@alpha.test', 'x');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('expire: tokens expire every period (code 8); refresh gives a working token', async () => {
    f = await startFixture();
    f.sandbox.setFaults('expire=1s');
    expect((await f.adminA.get('/api/collections/')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await f.adminA.get('/api/collections/');
    expect(expired.status).toBe(401);
    expect(expired.body.error_code).toBe(8);
    const refreshed = await f.adminA.postJson('/api/authorize/refresh/', { expire_token: f.adminA.expireToken });
    expect(refreshed.status).toBe(200);
    f.adminA.token = refreshed.body.access_token;
    expect((await f.adminA.get('/api/collections/')).status).toBe(200);
  });

  it('leaves login and refresh alone for 5xx, reset and 429', async () => {
    f = await startFixture();
    f.sandbox.setFaults('5xx=1,reset=1,429=1');
    expect((await f.anonymous().login('admin@alpha.test', 'correct horse')).status).toBe(200);
    expect((await f.adminA.postJson('/api/authorize/refresh', { expire_token: f.adminA.expireToken })).status).toBe(200);
  });

  it('rejects a bad spec at start and at run time', async () => {
    await expect(startSandbox({ faults: '5xx=7' })).rejects.toThrow(FaultSpecError);
    f = await startFixture({ faults: 'latency=0-10' });
    expect(() => f?.sandbox.setFaults('nonsense=1')).toThrow(/unknown fault kind/);
    expect((await f.adminA.get('/api/collections/')).status).toBe(200);
  });
});
