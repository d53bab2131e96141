import type { AppBridge, ChannelFunctions } from '../../shared/ipc/api.js';
import { channelNames, events, isEventName, type Channel, type EventName, type EventPayload } from '../../shared/ipc/contract.js';
import { fail, type Result } from '../../shared/result.js';

/** The WebSocket constructor, injectable so the bridge can be exercised outside a browser. */
export type WebSocketFactory = (url: string) => WebSocket;

export interface WebSocketBridgeOptions {
  readonly url: string;
  readonly createSocket?: WebSocketFactory;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

export interface WebSocketBridge extends AppBridge {
  /** Stops reconnecting and fails whatever is still waiting. */
  close(): void;
}

interface Pending {
  readonly message: string;
  sent: boolean;
  readonly resolve: (result: Result<unknown>) => void;
}

type Listener = (payload: unknown) => void;

// WebSocket.OPEN, spelled out so the bridge needs no global WebSocket class at load time.
const OPEN = 1;

/** `ws(s)://<host>/ws` for the page this renderer was served from; the session cookie admits it. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws`;
}

function parseServerMessage(data: unknown): { id: number; result: Result<unknown> } | { event: EventName; payload: unknown } | null {
  if (typeof data !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const msg = raw as { type?: unknown; id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
  if (msg.type === 'result' && typeof msg.id === 'number' && typeof msg.result === 'object' && msg.result !== null) {
    return { id: msg.id, result: msg.result as Result<unknown> };
  }
  if (msg.type === 'event' && isEventName(msg.event)) {
    const payload = events[msg.event].safeParse(msg.payload);
    return payload.success ? { event: msg.event, payload: payload.data } : null;
  }
  return null;
}

/**
 * Browser mode's AppBridge: the IPC contract over one WebSocket. Calls made while the
 * socket is connecting wait for it; when the socket drops every waiting call fails with
 * NETWORK (the caller decides whether to retry) and the bridge reconnects with back-off.
 */
export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<Listener>>();
  let nextId = 1;
  let backoff = initialBackoff;
  let socket: WebSocket | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const failAll = (message: string): void => {
    for (const [id, call] of pending) {
      pending.delete(id);
      call.resolve(fail('NETWORK', message));
    }
  };

  const flush = (): void => {
    if (socket?.readyState !== OPEN) return;
    for (const call of pending.values()) {
      if (!call.sent) {
        socket.send(call.message);
        call.sent = true;
      }
    }
  };

  const connect = (): void => {
    reconnectTimer = null;
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      backoff = initialBackoff;
      flush();
    };
    ws.onmessage = (event: MessageEvent) => {
      const msg = parseServerMessage(event.data);
      if (msg === null) return;
      if ('id' in msg) {
        const call = pending.get(msg.id);
        pending.delete(msg.id);
        call?.resolve(msg.result);
      } else {
        for (const listener of listeners.get(msg.event) ?? []) listener(msg.payload);
      }
    };
    // Every failure is followed by close, which does the clean-up.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll('The connection to the desk service was lost. Try again.');
      if (closed) return;
      reconnectTimer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    };
  };

  const invoke = (channel: Channel, input: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (closed) return resolve(fail('NETWORK', 'The connection to the desk service is closed.'));
      const id = nextId++;
      pending.set(id, { message: JSON.stringify({ type: 'invoke', id, channel, input }), sent: false, resolve });
      flush();
    });

  const channelFunctions = Object.fromEntries(
    channelNames.map((name) => [name, (input: unknown) => invoke(name, input)]),
  ) as unknown as ChannelFunctions;

  connect();

  return {
    channels: channelFunctions,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    close() {
      closed = true;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      failAll('The connection to the desk service is closed.');
      ws?.close();
    },
  };
}
