import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { createWebSocketBridge, webSocketUrl, type WebSocketBridge } from './websocket-bridge.js';

const signedOut = { state: 'signedOut', rememberedEmail: null, serverUrl: null } as const;

interface Received {
  readonly type: string;
  readonly id: number;
  readonly channel: string;
  readonly input?: unknown;
}

describe('webSocketUrl', () => {
  it('targets /ws on the page host; the session cookie, never a link token, admits it', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'desk.local' })).toBe('wss://desk.local/ws');
  });
});

describe('WebSocket bridge', () => {
  let wss: WebSocketServer;
  let url: string;
  let bridge: WebSocketBridge | null = null;
  const received: Received[] = [];
  // What the fake host does with each invoke; replaced per test.
  let onInvoke: (socket: NodeWebSocket, msg: Received) => void = () => undefined;

  beforeEach(async () => {
    received.length = 0;
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const address = wss.address();
    if (address === null || typeof address === 'string') throw new Error('unexpected address');
    url = `ws://127.0.0.1:${address.port}/ws`;
    wss.on('connection', (socket) => {
      socket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as Received;
        received.push(msg);
        onInvoke(socket, msg);
      });
    });
  });

  afterEach(async () => {
    bridge?.close();
    bridge = null;
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });

  const open = (): WebSocketBridge => {
    bridge = createWebSocketBridge({
      url,
      createSocket: (target) => new NodeWebSocket(target) as unknown as WebSocket,
      initialBackoffMs: 20,
      maxBackoffMs: 50,
    });
    return bridge;
  };

  it('sends calls made before the socket opens and resolves them with the matching result', async () => {
    onInvoke = (socket, msg) => socket.send(JSON.stringify({ type: 'result', id: msg.id, result: { ok: true, value: signedOut } }));
    const b = open();
    const [first, second] = await Promise.all([b.channels['session:status'](undefined), b.channels['session:signOut']({ forgetPassword: true })]);
    expect(first).toEqual({ ok: true, value: signedOut });
    expect(second).toEqual({ ok: true, value: signedOut });
    expect(received.map((m) => [m.type, m.channel])).toEqual([
      ['invoke', 'session:status'],
      ['invoke', 'session:signOut'],
    ]);
    expect(received[1]?.input).toEqual({ forgetPassword: true });
    expect(received[0]?.id).not.toBe(received[1]?.id);
  });

  it('delivers valid events to listeners until they unsubscribe, and drops invalid payloads', async () => {
    const b = open();
    const seen: unknown[] = [];
    const off = b.on('session:changed', (payload) => seen.push(payload));
    onInvoke = (socket, msg) => {
      socket.send(JSON.stringify({ type: 'event', event: 'session:changed', payload: { state: 'bogus' } }));
      socket.send(JSON.stringify({ type: 'event', event: 'session:changed', payload: signedOut }));
      socket.send(JSON.stringify({ type: 'result', id: msg.id, result: { ok: true, value: signedOut } }));
    };
    await b.channels['session:status'](undefined);
    expect(seen).toEqual([signedOut]);
    off();
    await b.channels['session:status'](undefined);
    expect(seen).toHaveLength(1);
  });

  it('fails pending calls with NETWORK when the socket drops, then reconnects', async () => {
    onInvoke = (socket) => socket.terminate();
    const b = open();
    const dropped = await b.channels['app:info'](undefined);
    expect(dropped).toMatchObject({ ok: false, error: { code: 'NETWORK' } });

    onInvoke = (socket, msg) => socket.send(JSON.stringify({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'BAD_INPUT', message: 'x' } } }));
    // The reconnect happens after back-off; the call waits for the new socket.
    const again = await b.channels['app:info'](undefined);
    expect(again).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'x' } });
    expect(received).toHaveLength(2);
  });

  it('fails calls after close without touching the network', async () => {
    const b = open();
    b.close();
    expect(await b.channels['app:info'](undefined)).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
  });
});
