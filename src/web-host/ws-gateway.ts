import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { dispatch } from '../core/ipc/dispatch.js';
import type { HandlerTable } from '../core/ipc/handler-table.js';
import type { EventName, EventPayload } from '../shared/ipc/contract.js';
import { fail, type Result } from '../shared/result.js';
import { checkUpgrade, type GuardConfig } from './request-guard.js';
import { invokeMessageSchema, readableId, type EventMessage, type ResultMessage } from './ws-protocol.js';

export const WS_PATH = '/ws';
/** Photos travel over this socket later; anything larger is refused by ws itself. */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export interface WsGateway {
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: 403 | 404, text: string): void {
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Not Found'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function send(ws: WebSocket, message: ResultMessage | EventMessage): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

async function answer(ws: WebSocket, handlers: HandlerTable, data: RawData, isBinary: boolean): Promise<void> {
  if (isBinary) return;
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString());
  } catch {
    return;
  }
  const parsed = invokeMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const id = readableId(raw);
    if (id !== null) send(ws, { type: 'result', id, result: fail('BAD_INPUT', 'Malformed message') });
    return;
  }
  const result: Result<unknown> = await dispatch(handlers, parsed.data.channel, parsed.data.input);
  send(ws, { type: 'result', id: parsed.data.id, result });
}

/** Carries the IPC contract over a WebSocket on the given HTTP server, behind the same guard. */
export function attachWsGateway(server: Server, guard: () => GuardConfig, handlers: HandlerTable): WsGateway {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (path !== WS_PATH) return refuse(socket, 404, 'Not found');
    const verdict = checkUpgrade(guard(), req.url, req.headers);
    if (!verdict.allowed) return refuse(socket, 403, `Forbidden: ${verdict.reason}`);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // ws closes the socket itself (e.g. 1009 for oversize); the event must be handled or the host dies.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data, isBinary) => void answer(ws, handlers, data, isBinary));
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    broadcast(event, payload) {
      for (const ws of wss.clients) send(ws, { type: 'event', event, payload });
    },
    close() {
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
