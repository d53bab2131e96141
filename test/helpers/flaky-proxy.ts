import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one request: pass it to the server, answer itself, or `lateBy`:
 * take it whole, drop the client's connection, and pass it on that many ms later (a server
 * that applies a request after the branch link lost its answer), or never (null: lost).
 */
export type FlakyVerdict = 'pass' | { readonly lateBy: number | null } | { readonly status: number; readonly headers?: Readonly<Record<string, string>> };

export interface FlakyProxy {
  readonly url: string;
  /** Every request seen, as "METHOD /path", with what was done to it. */
  readonly log: { readonly request: string; readonly verdict: 'pass' | 'late' | number }[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of a real server (the sandbox) that answers chosen requests with
 * an error of its own, e.g. a 503 for the first collection lookup: faults placed exactly,
 * where the sandbox's fault injection is random.
 */
export async function startFlakyProxy(target: string, decide: (method: string, path: string) => FlakyVerdict): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const log: FlakyProxy['log'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const method = req.method ?? 'GET';
    const verdict = decide(method, path);
    log.push({ request: `${method} ${path}`, verdict: verdict === 'pass' ? 'pass' : 'lateBy' in verdict ? 'late' : verdict.status });
    if (verdict !== 'pass' && 'status' in verdict) {
      req.resume();
      res.writeHead(verdict.status, { 'content-type': 'application/json', ...verdict.headers });
      res.end(JSON.stringify({ error_code: 0, error_message: 'injected by the test proxy', details: null }));
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    if (verdict === 'pass') {
      req.pipe(forward);
      return;
    }
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => {
      req.socket.destroy();
      if (verdict.lateBy === null) forward.destroy();
      else setTimeout(() => forward.end(Buffer.concat(body)), verdict.lateBy);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
