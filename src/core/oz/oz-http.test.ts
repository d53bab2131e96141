import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startStub, type StubServer } from '../../../test/helpers/stub-server.js';
import { OzApiError, OzNetworkError, OzTimeoutError } from './oz-api-error.js';
import { OzHttp, parseRetryAfter } from './oz-http.js';

let stub: StubServer | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

describe('OzHttp', () => {
  it('times out a call that gets no answer, as an ambiguous TIMEOUT', async () => {
    stub = await startStub(() => undefined);
    const http = new OzHttp({ baseUrl: stub.url, timeoutMs: 150 });
    const err = await http.send({ method: 'POST', path: '/api/folders/', json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzTimeoutError);
    expect((err as OzTimeoutError).toAppError().code).toBe('TIMEOUT');
    expect((err as OzTimeoutError).ambiguous).toBe(true);
  });

  it('reports a reset after sending as an ambiguous network error', async () => {
    stub = await startStub((_req, res) => {
      res.socket?.destroy();
    });
    const http = new OzHttp({ baseUrl: stub.url });
    const err = await http.send({ method: 'POST', path: '/api/folders/', json: { a: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzNetworkError);
    expect((err as OzNetworkError).ambiguous).toBe(true);
    expect((err as OzNetworkError).toAppError().code).toBe('NETWORK');
    expect(stub.requests).toHaveLength(1);
  });

  it('reports a refused connection as an unambiguous network error', async () => {
    const closed = await startStub(() => undefined);
    const url = closed.url;
    await closed.close();
    const err = await new OzHttp({ baseUrl: url }).send({ method: 'GET', path: '/api/collections/' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OzNetworkError);
    expect((err as OzNetworkError).ambiguous).toBe(false);
    expect((err as OzNetworkError).causeCode).toBe('ECONNREFUSED');
    expect((err as OzNetworkError).message).toBe(
      `Could not connect to the Oz API: nothing accepts connections at ${new URL(url).host} (is the address right, and the server up?) [ECONNREFUSED].`,
    );
  });

  it('rethrows the caller abort instead of calling it a timeout', async () => {
    stub = await startStub(() => undefined);
    const controller = new AbortController();
    const pending = new OzHttp({ baseUrl: stub.url }).send({ method: 'GET', path: '/x', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await pending.catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(OzTimeoutError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('keeps the Oz error envelope and Retry-After', async () => {
    stub = await startStub((req, res) =>
      req.url.pathname === '/busy'
        ? sendJson(res, 429, { error_code: 0, error_message: 'slow down', details: null }, { 'retry-after': '7' })
        : sendJson(res, 404, { error_code: 10, error_message: 'Requested resource does not exist', details: { id: 'x' } }),
    );
    const http = new OzHttp({ baseUrl: stub.url });
    const notFound = (await http.send({ method: 'GET', path: '/nope' }).catch((e: unknown) => e)) as OzApiError;
    expect(notFound).toBeInstanceOf(OzApiError);
    expect(notFound.isNotFound).toBe(true);
    expect(notFound.toAppError()).toEqual({
      code: 'OZ_API',
      message: 'Requested resource does not exist',
      details: { httpStatus: 404, errorCode: 10, errorMessage: 'Requested resource does not exist', details: { id: 'x' } },
    });
    const busy = (await http.send({ method: 'GET', path: '/busy' }).catch((e: unknown) => e)) as OzApiError;
    expect(busy.httpStatus).toBe(429);
    expect(busy.retryAfterSeconds).toBe(7);
  });

  it('sends the token header and refuses to send it to another origin', async () => {
    stub = await startStub((_req, res) => sendJson(res, 200, { ok: true }));
    const http = new OzHttp({ baseUrl: `${stub.url}/` });
    await http.send({ method: 'GET', path: '/api/collections/', token: 'secret-token', query: { limit: 5, skip: undefined } });
    expect(stub.requests[0]?.headers['x-forensic-access-token']).toBe('secret-token');
    expect(stub.requests[0]?.url.search).toBe('?limit=5');
    await expect(http.send({ method: 'GET', path: 'http://203.0.113.9/a.jpg', token: 't' })).rejects.toThrow(/Refusing/);
    expect(stub.requests).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
