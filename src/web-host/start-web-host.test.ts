import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { InMemorySecretStore } from '../core/secrets/in-memory-secret-store.js';
import { startWebHost, type WebHost } from './start-web-host.js';

function call(ws: WebSocket, id: number, channel: string, input?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: unknown): void => {
      const msg = JSON.parse(String(data)) as { type: string; id?: number };
      if (msg.type === 'result' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  });
}

describe('startWebHost (browser mode over the real app core)', () => {
  const dirs: string[] = [];
  let host: WebHost | null = null;

  afterEach(async () => {
    await host?.close();
    host = null;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the handler table of createApp as the browser host', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'web-host-data-'));
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'web-host-renderer-'));
    dirs.push(dataDir, rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    host = await startWebHost({ dataDir, rendererDir, port: 0, secretStore: new InMemorySecretStore() });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);

    // The link opens one browser session; its cookie admits the socket.
    const opened = await fetch(host.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { origin: `http://127.0.0.1:${host.port}`, headers: { cookie } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      expect(await call(ws, 1, 'app:info')).toMatchObject({ result: { ok: true, value: { host: 'browser', localSandboxAvailable: true } } });
      expect(await call(ws, 2, 'session:status', {})).toMatchObject({ result: { ok: true, value: { state: 'signedOut' } } });
      expect(await call(ws, 3, 'session:signIn', { serverUrl: 'http://example.com', email: 'a@b.example', password: 'x', remember: false })).toMatchObject({
        result: { ok: false, error: { code: 'BAD_INPUT' } },
      });
    } finally {
      ws.close();
    }
  });
});
