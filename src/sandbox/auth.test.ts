import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index.js';
import { OzTestClient } from './testing/oz-test-client.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function demoClient(options: Parameters<typeof startSandbox>[0] = {}): Promise<OzTestClient> {
  sandbox = await startSandbox({ seedDemo: true, ...options });
  const client = new OzTestClient(sandbox.url);
  const demo = sandbox.demo;
  if (demo === null) throw new Error('no demo account');
  expect((await client.login(demo.email, demo.password)).status).toBe(200);
  return client;
}

describe('login', () => {
  it('returns a token pair, expire_date in epoch seconds and the user', async () => {
    sandbox = await startSandbox({ seedDemo: true, tokenTtlSeconds: 600 });
    const demo = sandbox.demo!;
    const client = new OzTestClient(sandbox.url);
    const before = Date.now() / 1000;
    const response = await client.login(demo.email, demo.password);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      access_token: expect.any(String),
      expire_token: expect.any(String),
      user: { email: 'admin@demo.bank', user_type: 'CLIENT', company_id: demo.companyId, is_admin: true },
    });
    expect(response.body.expire_date).toBeGreaterThanOrEqual(before + 599);
    expect(response.body.expire_date).toBeLessThan(before + 602);
  });

  it('works without the trailing slash too', async () => {
    sandbox = await startSandbox({ seedDemo: true });
    const response = await new OzTestClient(sandbox.url).postJson('/api/authorize/auth', {
      credentials: { email: sandbox.demo!.email, password: sandbox.demo!.password },
    });
    expect(response.status).toBe(200);
  });

  it('refuses bad credentials with 401 and code 4', async () => {
    sandbox = await startSandbox({ seedDemo: true });
    const client = new OzTestClient(sandbox.url);
    const wrongPassword = await client.login(sandbox.demo!.email, 'nope');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({ error_code: 4, error_message: 'invalid credentials', details: null });
    expect((await client.login('ghost@demo.bank', 'x')).body.error_code).toBe(4);
  });

  it('answers a malformed body with code 3 and a wrong type with code 5', async () => {
    sandbox = await startSandbox();
    const client = new OzTestClient(sandbox.url);
    const missing = await client.postJson('/api/authorize/auth/', { email: 'a' });
    expect(missing.status).toBe(400);
    expect(missing.body.error_code).toBe(3);
    const wrongType = await client.postJson('/api/authorize/auth/', { credentials: { email: 1, password: 'x' } });
    expect(wrongType.body.error_code).toBe(5);
    const notJson = await client.send('POST', '/api/authorize/auth/', {
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.body.error_code).toBe(3);
  });
});

describe('access token', () => {
  it('is required (6), must be known (7), and both header spellings work', async () => {
    const client = await demoClient();
    const url = '/api/companies/';
    const none = await client.send('GET', url, { headers: { 'X-Forensic-Access-Token': '' } });
    expect(none.status).toBe(401);
    expect(none.body.error_code).toBe(6);
    const anonymous = await new OzTestClient(client.baseUrl).get(url);
    expect(anonymous.body.error_code).toBe(6);
    const bogus = await client.send('GET', url, { headers: { 'X-Forensic-Access-Token': 'bogus' } });
    expect(bogus.status).toBe(401);
    expect(bogus.body.error_code).toBe(7);
    const alt = await new OzTestClient(client.baseUrl).send('GET', url, {
      headers: { 'X-Forensics-Access-Token': client.token! },
    });
    expect(alt.status).toBe(200);
  });

  it('expires after the TTL with code 8', async () => {
    const client = await demoClient({ tokenTtlSeconds: 1 });
    await sleep(1200);
    const response = await client.get('/api/companies/');
    expect(response.status).toBe(401);
    expect(response.body.error_code).toBe(8);
  });

  it('slides its expiry on every authenticated request', async () => {
    const client = await demoClient({ tokenTtlSeconds: 1 });
    for (let i = 0; i < 4; i += 1) {
      await sleep(600);
      expect((await client.get('/api/companies/')).status).toBe(200);
    }
  });

  it('expireAllTokens forces code 8; refresh then recovers', async () => {
    const client = await demoClient();
    sandbox!.expireAllTokens();
    expect((await client.get('/api/companies/')).body.error_code).toBe(8);
    const refreshed = await client.postJson('/api/authorize/refresh/', { expire_token: client.expireToken });
    expect(refreshed.status).toBe(200);
    client.token = refreshed.body.access_token;
    expect((await client.get('/api/companies/')).status).toBe(200);
  });
});

describe('refresh', () => {
  it('issues a new pair; the old pair works until the new one is used, then is invalid', async () => {
    const client = await demoClient();
    const oldToken = client.token!;
    const refreshed = await client.postJson('/api/authorize/refresh', { expire_token: client.expireToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(oldToken);
    expect(refreshed.body.user.email).toBe('admin@demo.bank');
    const old = new OzTestClient(client.baseUrl);
    old.token = oldToken;
    expect((await old.get('/api/companies/')).status).toBe(200);
    client.token = refreshed.body.access_token;
    expect((await client.get('/api/companies/')).status).toBe(200);
    const afterUse = await old.get('/api/companies/');
    expect(afterUse.status).toBe(401);
    expect(afterUse.body.error_code).toBe(7);
    const reuse = await old.postJson('/api/authorize/refresh/', { expire_token: client.expireToken });
    expect(reuse.body.error_code).toBe(7);
  });

  it('needs the access token header (6) and the matching expire_token (7)', async () => {
    const client = await demoClient();
    const noHeader = await new OzTestClient(client.baseUrl).postJson('/api/authorize/refresh/', {
      expire_token: client.expireToken,
    });
    expect(noHeader.status).toBe(401);
    expect(noHeader.body.error_code).toBe(6);
    const wrong = await client.postJson('/api/authorize/refresh/', { expire_token: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error_code).toBe(7);
    const missing = await client.postJson('/api/authorize/refresh/', {});
    expect(missing.body.error_code).toBe(3);
  });
});
