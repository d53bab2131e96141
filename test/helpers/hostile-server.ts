import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type HostileHandler = (req: RecordedRequest, res: ServerResponse) => void;

export interface HostileServer {
  readonly url: string;
  readonly port: number;
  /** Everything that reached this server, headers and body included. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A small server that answers the way a broken or malicious Oz API might: the handler
 * writes whatever it likes. Records every request so a test can prove what never arrived.
 */
export async function startHostileServer(handler: HostileHandler, tls?: { readonly cert: Buffer; readonly key: Buffer }): Promise<HostileServer> {
  const requests: RecordedRequest[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      handler(recorded, res);
    });
  };
  const server: Server = tls === undefined ? createHttpServer(onRequest) : createHttpsServer({ cert: tls.cert, key: tls.key }, onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The login answer of a server that otherwise misbehaves. */
export function login(res: ServerResponse, accessToken = 'hostile-access-token'): void {
  json(res, 200, { access_token: accessToken, expire_token: 'hostile-expire-token', user: { user_id: 'u1', email: 'a@b.c', user_type: 'CLIENT' } });
}

/** Streams `totalBytes` of a JSON-looking body with backpressure, never holding more than one chunk. */
export function streamHuge(res: ServerResponse, totalBytes: number, declareLength: boolean): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(totalBytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < totalBytes) {
      const size = Math.min(chunk.length, totalBytes - sent);
      sent += size;
      if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    sent = totalBytes;
  });
  pump();
}
