import { describe, expect, it, vi } from 'vitest';
import { createOzClient, OzCertificateError, OzRedirectError } from '../../core/oz/index.js';
import { chromiumFetch } from './chromium-fetch.js';

// Electron cannot run here: the seam is exercised with a session whose fetch answers the
// way Chromium's does, through the real Oz client.
function sessionAnswering(answer: (url: string, init: RequestInit) => Promise<Response>) {
  return { fetch: vi.fn(answer) };
}

describe('chromiumFetch (Electron main: Oz over Chromium’s network stack)', () => {
  it('carries the whole Oz sign-in and call through session.fetch, without cookies', async () => {
    const ozSession = sessionAnswering(async (url) =>
      url.includes('/api/authorize/auth')
        ? Response.json({ access_token: 'a', expire_token: 'e' })
        : Response.json([{ collection_id: 'c1', alias: 'watchlist' }]),
    );
    const { client, session } = createOzClient({ baseUrl: 'https://oz.branch.test', email: 'o@bank', password: 'pw', fetchImpl: chromiumFetch(ozSession) });
    await session.signIn();
    expect(await client.listCollections()).toMatchObject([{ collectionId: 'c1', alias: 'watchlist' }]);
    for (const [, init] of ozSession.fetch.mock.calls) expect(init).toMatchObject({ credentials: 'omit', redirect: 'manual', bypassCustomProtocolHandlers: true });
    expect((ozSession.fetch.mock.calls[1]?.[1].headers as Record<string, string>)['X-Forensic-Access-Token']).toBe('a');
  });

  it('turns Chromium’s cancelled manual redirect into the redirect refusal', async () => {
    const ozSession = sessionAnswering(() => Promise.reject(new Error('Redirect was cancelled')));
    const { session } = createOzClient({ baseUrl: 'https://oz.branch.test', email: 'o@bank', password: 'pw', fetchImpl: chromiumFetch(ozSession) });
    await expect(session.signIn()).rejects.toBeInstanceOf(OzRedirectError);
  });

  it('reports Chromium’s certificate failures as certificate errors, not offline', async () => {
    const ozSession = sessionAnswering(() => Promise.reject(new Error('net::ERR_CERT_DATE_INVALID')));
    const { session } = createOzClient({ baseUrl: 'https://oz.branch.test', email: 'o@bank', password: 'pw', fetchImpl: chromiumFetch(ozSession) });
    const err = await session.signIn().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzCertificateError);
    expect(err).toMatchObject({ problem: 'expired' });
  });
});
