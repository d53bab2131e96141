import Database from 'better-sqlite3';
import { Agent } from 'undici';
import { undiciFetchVia } from '../../src/core/net/env-proxy-fetch.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/core/queue/classify-error.js';
import { toAppError } from '../../src/core/errors/to-app-error.js';
import {
  createOzClient,
  OzMediaUrlError,
  OzRedirectError,
  OzResponseTooLargeError,
  RESPONSE_LIMITS,
  type FetchImpl,
} from '../../src/core/oz/index.js';
import { CollectionDeleter } from '../../src/core/services/delete-collection.js';
import { SqliteDeletionJobStore } from '../../src/core/services/deletion-jobs/sqlite-deletion-job-store.js';
import { json, login, startHostileServer, streamHuge, type HostileServer } from '../helpers/hostile-server.js';
import { createTestCa, type TestCa } from '../helpers/test-ca.js';

const PASSWORD = 'correct horse battery staple';
const TOKEN = 'hostile-access-token';
const COLLECTION = '5f0c7a52-0d3e-4c55-9d0b-2b8f8c3b7a11';

let servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function hostile(...args: Parameters<typeof startHostileServer>): Promise<HostileServer> {
  const server = await startHostileServer(...args);
  servers.push(server);
  return server;
}

function clientOf(baseUrl: string, fetchImpl?: FetchImpl) {
  return createOzClient({ baseUrl, email: 'operator@bank.test', password: PASSWORD, ...(fetchImpl ? { fetchImpl } : {}) });
}

/** What a server that must never be contacted saw: nothing that could carry a secret. */
function expectNothingReached(bystander: HostileServer): void {
  expect(bystander.requests).toEqual([]);
}

describe('plain http only on loopback: the rule every host (app, browser mode, CLI) meets in createOzClient', () => {
  it('refuses http to another machine before any connection, and allows it on loopback', async () => {
    const bystander = await hostile((_req, res) => json(res, 200, {}));
    expect(() => clientOf('http://oz.example.com')).toThrow(/must use https:\/\//);
    expect(() => clientOf(`http://user:pw@127.0.0.1:${bystander.port}`)).toThrow(/user name or password/);
    expect(() => clientOf(bystander.url)).not.toThrow();
    expectNothingReached(bystander);
  });
});

describe('a hostile server cannot redirect credentials', () => {
  it('refuses a 307 on login to another port: that port never sees the password', async () => {
    const bystander = await hostile((_req, res) => json(res, 200, {}));
    const api = await hostile((_req, res) => {
      res.writeHead(307, { location: `${bystander.url}/api/authorize/auth/` });
      res.end();
    });
    const err = await clientOf(api.url).session.signIn().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzRedirectError);
    expect((err as Error).message).toContain(`${bystander.url}/api/authorize/auth/`);
    expect(api.requests[0]?.body).toContain(PASSWORD);
    expectNothingReached(bystander);
  });

  it('refuses a 302 on a GET to another port: that port never sees the token', async () => {
    const bystander = await hostile((_req, res) => json(res, 200, []));
    const api = await hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      res.writeHead(302, { location: `${bystander.url}/api/collections/` });
      res.end();
    });
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const err = await client.listCollections().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzRedirectError);
    expect((err as OzRedirectError).target).toBe(`${bystander.url}/api/collections/`);
    expect((err as OzRedirectError).toAppError().details).toMatchObject({ refused: 'redirect', httpStatus: 302 });
    expect(api.requests.at(-1)?.headers['x-forensic-access-token']).toBe(TOKEN);
    expectNothingReached(bystander);
  });

  it('follows a redirect on its own origin (e.g. a missing trailing slash) with the token', async () => {
    const api = await hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      if (req.path.startsWith('/old/')) {
        res.writeHead(301, { location: '/api/collections/' });
        return res.end();
      }
      return json(res, 200, [{ collection_id: COLLECTION, alias: 'moved' }]);
    });
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const res = await client.request({ method: 'GET', path: '/old/collections' });
    expect(res.body).toEqual([{ collection_id: COLLECTION, alias: 'moved' }]);
    expect(api.requests.slice(1).map((r) => r.path)).toEqual(['/old/collections', '/api/collections/']);
    expect(api.requests.at(-1)?.headers['x-forensic-access-token']).toBe(TOKEN);
  });

  it('never changes a POST into a GET elsewhere, even on its own origin (303)', async () => {
    const api = await hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      res.writeHead(303, { location: '/api/collections/' });
      res.end();
    });
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const err = await client.createCollection({ alias: 'x', companyId: 'c' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzRedirectError);
    expect(api.requests).toHaveLength(2);
  });

  describe('over https', () => {
    let ca: TestCa;
    let trustingFetch: FetchImpl;
    beforeAll(() => {
      ca = createTestCa();
      // This test's CA is trusted by this client only (the CLI test uses NODE_EXTRA_CA_CERTS).
      const dispatcher = new Agent({ connect: { ca: ca.caPem } });
      trustingFetch = undiciFetchVia(() => dispatcher);
    });
    afterAll(() => ca.remove());

    it('refuses an https→http redirect, naming the plain-http target', async () => {
      const plain = await hostile((_req, res) => json(res, 200, {}));
      const api = await hostile((_req, res) => {
        res.writeHead(308, { location: `http://localhost:${plain.port}/api/authorize/auth/` });
        res.end();
      }, ca.issue('localhost'));
      const err = await clientOf(`https://localhost:${api.port}`, trustingFetch).session.signIn().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OzRedirectError);
      expect((err as Error).message).toContain(`http://localhost:${plain.port}/api/authorize/auth/ (plain http)`);
      expect(api.requests).toHaveLength(1);
      expectNothingReached(plain);
    });
  });
});

describe('a hostile server cannot exhaust memory', () => {
  const HUGE = 300 * 1024 * 1024;

  /** Runs `fn` while sampling RSS; returns the growth of the peak over the start. */
  async function peakRssGrowth(fn: () => Promise<unknown>): Promise<{ growthBytes: number; result: unknown }> {
    globalThis.gc?.();
    const start = process.memoryUsage.rss();
    let peak = start;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    try {
      const result = await fn().catch((e: unknown) => e);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { growthBytes: peak - start, result };
    } finally {
      clearInterval(sampler);
    }
  }

  for (const declareLength of [false, true]) {
    it(`refuses a 300 MB JSON body (${declareLength ? 'declared' : 'chunked'}) with RSS growing < 50 MB`, { timeout: 60_000 }, async () => {
      const api = await hostile((req, res) => {
        if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
        return streamHuge(res, HUGE, declareLength);
      });
      const { client, session } = clientOf(api.url);
      await session.signIn();
      const { growthBytes, result } = await peakRssGrowth(() => client.listCollections());
      expect(result).toBeInstanceOf(OzResponseTooLargeError);
      expect((result as OzResponseTooLargeError).limitName).toBe(RESPONSE_LIMITS.json.name);
      expect(growthBytes).toBeLessThan(50 * 1024 * 1024);
    });
  }

  it('refuses a 300 MB image under the image limit', { timeout: 60_000 }, async () => {
    const api = await hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      return streamHuge(res, HUGE, false);
    });
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const { growthBytes, result } = await peakRssGrowth(() => client.fetchImageBytes(`${api.url}/static/huge.jpg`));
    expect(result).toBeInstanceOf(OzResponseTooLargeError);
    expect((result as OzResponseTooLargeError).limitName).toBe(RESPONSE_LIMITS.image.name);
    // The client may hold up to the image cap before it refuses; beyond that, the same 50 MB budget.
    expect(growthBytes).toBeLessThan(RESPONSE_LIMITS.image.bytes + 50 * 1024 * 1024);
  });

  it('keeps a 5xx with a huge body retryable: the envelope is cut, not refused', async () => {
    const api = await hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('x'.repeat(5 * 1024 * 1024));
    });
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const err = await client.listCollections().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'OzApiError', httpStatus: 503 });
  });
});

describe('a server that hands out media links the desk will not fetch', () => {
  it('refuses each with a typed error that quarantines, and nothing reaches the named hosts', async () => {
    const bystander = await hostile((_req, res) => json(res, 200, {}));
    const links = [
      'http://203.0.113.9/a.jpg',
      `http://operator:${PASSWORD}@${bystander.url.slice('http://'.length)}/a.jpg`,
      `ftp://127.0.0.1:${bystander.port}/a.jpg`,
      'javascript:alert(1)',
      'https://[::bad/a.jpg',
    ];
    const api = await hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      const images = links.map((url, i) => ({ person_image_id: `i${i}`, original_url: url, thumb_url: url, tags: [] }));
      return json(res, 200, images);
    });
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const images = await client.listPersonImages(COLLECTION, 'p1');
    for (const image of images) {
      const err = await client.fetchImageBytes(image.originalUrl ?? '').catch((e: unknown) => e);
      expect(err, image.originalUrl ?? '').toBeInstanceOf(OzMediaUrlError);
      expect((err as Error).message).not.toContain(PASSWORD);
      expect(classifyFailure(err)).toEqual({ kind: 'quarantine', reason: (err as Error).message });
      expect(toAppError(err)).toMatchObject({ code: 'OZ_API', details: { refused: 'media-url' } });
    }
    expectNothingReached(bystander);
    expect(api.requests.filter((r) => r.path.endsWith('.jpg'))).toEqual([]);
  });
});

describe('a server that ignores offset cannot make a loop run forever', () => {
  const PAGE = [1, 2, 3].map((n) => ({ person_id: `00000000-0000-4000-8000-00000000000${n}`, collection_id: COLLECTION, meta_data: {} }));

  async function offsetIgnoringApi(): Promise<HostileServer> {
    return hostile((req, res) => {
      if (req.path.startsWith('/api/authorize/auth')) return login(res, TOKEN);
      if (req.method === 'GET' && req.path.includes('/persons/')) return json(res, 200, PAGE);
      if (req.method === 'GET' && req.path.startsWith('/api/folders')) return json(res, 200, []);
      if (req.method === 'DELETE' && req.path.includes('/persons/')) return json(res, 200, {});
      // "Not empty", forever: the persons above never go away.
      if (req.method === 'DELETE') return json(res, 400, { error_code: 4, error_message: 'collection is not empty', details: null });
      return json(res, 404, { error_code: 10, error_message: 'no such thing', details: null });
    });
  }

  it('lists every person once and stops when a page brings no new id', async () => {
    const api = await offsetIgnoringApi();
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const ids: string[] = [];
    for await (const person of client.iteratePersons(COLLECTION, { pageSize: 3 })) ids.push(person.personId);
    expect(ids).toEqual(PAGE.map((p) => p.person_id));
    expect(api.requests.filter((r) => r.path.includes('/persons/'))).toHaveLength(2);
  });

  it('ends a collection deletion with an error instead of looping', { timeout: 30_000 }, async () => {
    const api = await offsetIgnoringApi();
    const { client, session } = clientOf(api.url);
    await session.signIn();
    const db = new Database(':memory:');
    try {
      const deleter = new CollectionDeleter({ client, store: new SqliteDeletionJobStore(db) });
      const err = await deleter.start({ collectionId: COLLECTION, confirmDeleteAnalyses: true }, { pageSize: 3 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(api.requests.length).toBeLessThan(100);
    } finally {
      db.close();
    }
  });
});
