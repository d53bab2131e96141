import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`: what a desk gets in HTTPS_PROXY. */
  readonly url: string;
  /** Every `host:port` a client asked the proxy to reach (CONNECT or absolute-URL request). */
  readonly targets: string[];
  close(): Promise<void>;
}

/**
 * A real forward proxy (TooTallNate's `proxy`) whose DNS knows names the machine does not:
 * each name in `hosts` resolves to its address here, and only here, so a client reaches
 * it only through the proxy. Any other name is refused, so tests never leave loopback.
 */
export async function startForwardProxy(hosts: Readonly<Record<string, string>>): Promise<ForwardProxy> {
  const targets: string[] = [];
  const server = createProxy(createServer());
  const rewrite = (authority: string): string | null => {
    const colon = authority.lastIndexOf(':');
    const name = authority.slice(0, colon).toLowerCase();
    const address = hosts[name];
    return address === undefined ? null : `${address}${authority.slice(colon)}`;
  };
  const known = new WeakSet<IncomingMessage>();
  // Runs before the proxy's own handlers: the lookup hook the library has no option for.
  server.prependListener('connect', (req: IncomingMessage) => {
    targets.push(req.url ?? '');
    const mapped = rewrite(req.url ?? '');
    if (mapped === null) return;
    known.add(req);
    req.url = mapped;
  });
  server.prependListener('request', (req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://invalid');
    targets.push(url.host);
    const mapped = rewrite(`${url.hostname}:${url.port || '80'}`);
    if (mapped === null) return;
    known.add(req);
    req.url = `http://${mapped}${url.pathname}${url.search}`;
  });
  // The proxy asks before connecting anywhere: unknown names get 407 and no connection.
  server.authenticate = (req) => known.has(req);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
