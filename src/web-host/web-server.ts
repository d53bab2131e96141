import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { HandlerTable } from '../core/ipc/handler-table.js';
import type { EventSink } from '../core/ipc/handler-table.js';
import { checkRequest, cookieNameFor, type GuardConfig } from './request-guard.js';
import { securityHeaders } from './security-headers.js';
import { SessionGate } from './session-gate.js';
import { generateToken } from './token.js';
import { attachWsGateway } from './ws-gateway.js';

export interface WebServerOptions {
  readonly handlers: HandlerTable;
  /** The built renderer (`out/renderer`), holding index.html. */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface WebServer {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Pushes a contract event to every connected page. */
  readonly broadcast: EventSink;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** HTTP (the renderer's files) and WebSocket (the IPC contract) on loopback, behind a per-start token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const rendererDir = path.resolve(options.rendererDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${path.join(rendererDir, 'index.html')} is missing). Run: npx electron-vite build`);
  }
  const token = generateToken();
  const gate = new SessionGate(token);
  // The port is known only after listen(); requests cannot arrive before then.
  let guard: GuardConfig = { gate, port: -1, cookieName: '' };

  const app = Fastify({ logger: false });
  app.addHook('onRequest', async (request, reply) => {
    const verdict = checkRequest(guard, request.raw.url, request.headers);
    if (!verdict.allowed) {
      return reply.code(403).type('text/plain; charset=utf-8').send(`Forbidden: ${verdict.reason}\n`);
    }
    reply.headers(securityHeaders(guard.port));
    if (verdict.newSecret !== null) {
      // The spent token leaves the address bar (and the history) at once.
      reply.header('set-cookie', `${guard.cookieName}=${verdict.newSecret}; HttpOnly; SameSite=Strict; Path=/`);
      return reply.redirect(withoutToken(request.raw.url), 303);
    }
    return undefined;
  });
  await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'], wildcard: true });

  const gateway = attachWsGateway(app.server, () => guard, options.handlers);
  try {
    await app.listen({ host: LOOPBACK, port: options.port ?? 0 });
  } catch (err) {
    await gateway.close();
    await app.close();
    throw err;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The web host has no TCP address.');
  guard = { gate, port: address.port, cookieName: cookieNameFor(address.port) };

  return {
    url: `http://${LOOPBACK}:${address.port}/?token=${token}`,
    token,
    port: address.port,
    broadcast: (event, payload) => gateway.broadcast(event, payload),
    async close() {
      await gateway.close();
      await app.close();
    },
  };
}

function withoutToken(rawUrl: string | undefined): string {
  const url = new URL(rawUrl ?? '/', 'http://placeholder');
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}`;
}
