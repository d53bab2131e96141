import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startStub, type StubRequest, type StubServer } from '../../../test/helpers/stub-server.js';
import { createOzClient } from './index.js';
import { OzApiError, OzNotSignedInError } from './oz-api-error.js';

// A minimal token issuer: tokens are `acc-N`; only the newest access token is valid.
function tokenServer(opts: { refreshWorks: boolean; passwordOk: () => boolean }) {
  let issued = 0;
  let valid = '';
  const counts = { logins: 0, refreshes: 0, calls: 0 };
  const issue = (res: Parameters<typeof sendJson>[0]) => {
    issued += 1;
    valid = `acc-${issued}`;
    sendJson(res, 200, { access_token: valid, expire_token: `exp-${issued}`, expire_date: 4_000_000_000, user: { email: 'a@b.c' } });
  };
  const handler = async (req: StubRequest, res: Parameters<typeof sendJson>[0]) => {
    const path = req.url.pathname;
    if (path === '/api/authorize/auth') {
      counts.logins += 1;
      if (!opts.passwordOk()) return sendJson(res, 401, { error_code: 4, error_message: 'bad credentials', details: null });
      return issue(res);
    }
    if (path === '/api/authorize/refresh') {
      counts.refreshes += 1;
      await new Promise((r) => setTimeout(r, 30));
      if (!opts.refreshWorks) return sendJson(res, 401, { error_code: 7, error_message: 'invalid', details: null });
      return issue(res);
    }
    counts.calls += 1;
    if (req.headers['x-forensic-access-token'] !== valid) {
      return sendJson(res, 401, { error_code: 8, error_message: 'AUTH EXPIRED', details: null });
    }
    return sendJson(res, 200, { items: [{ company_id: 'c1', name: 'Demo Bank' }], total: 1 });
  };
  return { handler, counts, expireAll: () => (valid = 'none') };
}

let stub: StubServer | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

describe('AuthSession', () => {
  it('recovers concurrent calls from an expired token with ONE refresh', async () => {
    const server = tokenServer({ refreshWorks: true, passwordOk: () => true });
    stub = await startStub(server.handler);
    const { client, session } = createOzClient({ baseUrl: stub.url, email: 'a@b.c', password: 'pw' });
    await session.signIn();
    server.expireAll();
    const results = await Promise.all(Array.from({ length: 8 }, () => client.searchCompanies('Demo')));
    expect(results.every((r) => r[0]?.name === 'Demo Bank')).toBe(true);
    expect(server.counts.refreshes).toBe(1);
    expect(session.stats()).toEqual({ signIns: 1, refreshes: 1, reLogins: 0 });
  });

  it('signs in again when the refresh is refused, then fails explicitly once the password is gone', async () => {
    let passwordOk = true;
    const server = tokenServer({ refreshWorks: false, passwordOk: () => passwordOk });
    stub = await startStub(server.handler);
    const { client, session } = createOzClient({ baseUrl: stub.url, email: 'a@b.c', password: 'pw' });
    await session.signIn();
    server.expireAll();
    await expect(client.searchCompanies('Demo')).resolves.toHaveLength(1);
    expect(session.stats().reLogins).toBe(1);

    server.expireAll();
    passwordOk = false;
    const err = (await client.searchCompanies('Demo').catch((e: unknown) => e)) as OzApiError;
    expect(err).toBeInstanceOf(OzApiError);
    expect(err.errorMessage).toBe('bad credentials');
    expect(JSON.stringify(err.toAppError())).not.toMatch(/acc-|exp-|pw/);
  });

  it('refreshes shortly before expire_date without a failed call', async () => {
    const server = tokenServer({ refreshWorks: true, passwordOk: () => true });
    stub = await startStub(server.handler);
    let now = 0;
    const { client, session } = createOzClient({ baseUrl: stub.url, email: 'a@b.c', password: 'pw', now: () => now });
    await session.signIn();
    await client.searchCompanies('x');
    now = 4_000_000_000 * 1000 - 10_000;
    await client.searchCompanies('x');
    expect(server.counts.refreshes).toBe(1);
    expect(server.counts.calls).toBe(2);
  });

  it('refuses calls after sign-out', async () => {
    const server = tokenServer({ refreshWorks: true, passwordOk: () => true });
    stub = await startStub(server.handler);
    const { client, session } = createOzClient({ baseUrl: stub.url, email: 'a@b.c', password: 'pw' });
    await session.signIn();
    session.signOut();
    await expect(client.searchCompanies('x')).rejects.toBeInstanceOf(OzNotSignedInError);
    expect(session.signedIn).toBe(false);
  });
});
