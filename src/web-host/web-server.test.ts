import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { HandlerTable } from '../core/ipc/handler-table.js';
import type { SessionStatus } from '../shared/domain/session.js';
import { startWebServer, type WebServer } from './web-server.js';

const signedOut: SessionStatus = { state: 'signedOut', rememberedEmail: null, serverUrl: null };
const settings = { serverUrl: null, deskName: 'Desk 7', rememberedEmail: null, useLocalSandbox: false };

// The transport is under test here: only the channels these tests call are implemented.
const handlers = {
  'app:info': () => ({ name: 'Enroll Desk', version: '0.1.0', host: 'browser', platform: 'linux', deskName: 'Desk 7', localSandboxAvailable: true }),
  'settings:get': () => settings,
  'settings:set': (patch) => ({ ...settings, ...patch }),
  'session:status': () => signedOut,
  'session:signIn': () => signedOut,
  'session:signInLocalSandbox': () => signedOut,
  'session:signOut': () => signedOut,
} as Partial<HandlerTable> as HandlerTable;

interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Opened = { readonly ws: WebSocket } | { readonly status: number };

function connect(port: number, query: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, {
      headers: { origin: `http://127.0.0.1:${port}`, ...headers },
    });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', reject);
  });
}

function openSocket(opened: Opened): WebSocket {
  if (!('ws' in opened)) throw new Error(`Expected an open socket, got HTTP ${opened.status}`);
  return opened.ws;
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

/** Opens the one-time link as a browser would: the reply that exchanges the token, and the session cookie it sets. */
async function openLink(server: WebServer): Promise<{ readonly reply: HttpReply; readonly cookie: string }> {
  const reply = await get(server.port, `/?token=${server.token}`);
  const setCookie = String(reply.headers['set-cookie'] ?? '');
  return { reply, cookie: setCookie.split(';')[0] ?? '' };
}

describe('web server (browser mode transport)', () => {
  let dir: string;
  let server: WebServer;
  let first: Awaited<ReturnType<typeof openLink>>;
  let cookie: string;
  const withCookie = (query = '', headers: Record<string, string> = {}) => connect(server.port, query, { cookie, ...headers });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'web-host-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    server = await startWebServer({ handlers, rendererDir: dir, port: 0 });
    first = await openLink(server);
    cookie = first.cookie;
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds loopback and hands out a URL carrying a 32-byte base64url token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('exchanges the link token on first load for a session secret: strict cookie, token dropped from the address', () => {
    expect(first.reply.status).toBe(303);
    expect(first.reply.headers['location']).toBe('/');
    const setCookie = String(first.reply.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^enroll_desk_session_${server.port}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).not.toContain(server.token);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('serves the page and assets to the session cookie alone, with the CSP', async () => {
    const reply = await get(server.port, '/', { cookie });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('id="root"');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    const asset = await get(server.port, '/assets/app.js', { cookie });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1)');
  });

  it('refuses the link a second time, with or without the session cookie', async () => {
    for (const headers of [{}, { cookie }] as Record<string, string>[]) {
      const replay = await get(server.port, `/?token=${server.token}`, headers);
      expect(replay.status).toBe(403);
      expect(replay.body).toContain('one-time link was already used');
      expect(replay.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a missing token with 403 plain text', async () => {
    const reply = await get(server.port, '/');
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.body).not.toContain('root');
  });

  it('binds the cookie to the session secret: the link token or a wrong secret in it is refused', async () => {
    expect((await get(server.port, '/?token=wrong')).status).toBe(403);
    const tokenAsCookie = await get(server.port, '/assets/app.js', { cookie: `enroll_desk_session_${server.port}=${server.token}` });
    expect(tokenAsCookie.status).toBe(403);
    const badCookie = await get(server.port, '/assets/app.js', { cookie: `${cookie}x` });
    expect(badCookie.status).toBe(403);
    // A right cookie paired with a wrong token in the query is still refused: the query wins.
    expect((await get(server.port, '/?token=nope', { cookie })).status).toBe(403);
  });

  it('refuses a foreign Host header before spending the link (DNS rebinding)', async () => {
    const fresh = await startWebServer({ handlers, rendererDir: dir, port: 0 });
    try {
      expect((await get(fresh.port, `/?token=${fresh.token}`, { host: `evil.example:${fresh.port}` })).status).toBe(403);
      expect((await get(fresh.port, `/?token=${fresh.token}`, { host: `127.0.0.1:${fresh.port + 1}` })).status).toBe(403);
      const opened = await get(fresh.port, `/?token=${fresh.token}`, { host: `localhost:${fresh.port}` });
      expect(opened.status).toBe(303);
    } finally {
      await fresh.close();
    }
  });

  it('refuses WebSockets without the session cookie, with the link token, from a foreign Origin or Host', async () => {
    expect(await connect(server.port, '')).toEqual({ status: 403 });
    expect(await connect(server.port, `?token=${server.token}`)).toEqual({ status: 403 });
    expect(await withCookie(`?token=${server.token}`)).toEqual({ status: 403 });
    expect(await withCookie('', { origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await withCookie('', { origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ status: 403 });
    expect(await withCookie('', { host: `evil.example:${server.port}` })).toEqual({ status: 403 });
  });

  it('dispatches invokes over an accepted WebSocket and answers malformed ones with BAD_INPUT', async () => {
    const ws = openSocket(await withCookie());
    try {
      ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', input: undefined }));
      expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { deskName: 'Desk 7', host: 'browser' } } });

      ws.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'session:signOut', input: { forgetPassword: 'yes' } }));
      expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 2, result: { ok: false, error: { code: 'BAD_INPUT' } } });

      ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'nope:never', input: {} }));
      expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });

      ws.send(JSON.stringify({ type: 'bogus', id: 4 }));
      expect(await nextMessage(ws)).toMatchObject({ id: 4, result: { ok: false, error: { code: 'BAD_INPUT' } } });

      // No readable id: ignored, so the next answer is for id 5.
      ws.send('not json');
      ws.send(JSON.stringify({ type: 'invoke', channel: 'app:info' }));
      ws.send(JSON.stringify({ type: 'invoke', id: 5, channel: 'settings:get' }));
      expect(await nextMessage(ws)).toMatchObject({ id: 5, result: { ok: true, value: { deskName: 'Desk 7' } } });
    } finally {
      ws.close();
    }
  });

  it('broadcasts events to every connected socket', async () => {
    const a = openSocket(await withCookie());
    const b = openSocket(await withCookie());
    try {
      const received = Promise.all([nextMessage(a), nextMessage(b)]);
      server.broadcast('session:changed', signedOut);
      expect(await received).toEqual([
        { type: 'event', event: 'session:changed', payload: signedOut },
        { type: 'event', event: 'session:changed', payload: signedOut },
      ]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('closes sockets that exceed the message size limit', async () => {
    const ws = openSocket(await withCookie());
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(32 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
  });
});

describe('web server start-up', () => {
  it('refuses to start without a built renderer', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'web-host-empty-'));
    try {
      await expect(startWebServer({ handlers, rendererDir: empty })).rejects.toThrow(/not built/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
