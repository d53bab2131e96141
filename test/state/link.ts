import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * The branch link in front of one server: a TCP forwarder on a fixed port that can be cut
 * (the listener closes and live connections drop, so the desk sees refused connections and
 * resets, as when a branch line goes down) and restored on the same port.
 */
export interface Link {
  readonly url: string;
  readonly up: boolean;
  down(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startLink(target: string): Promise<Link> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  // Below the usual ephemeral range (32768+): while the link is cut, no outgoing connection of
  // any process can take its port, so it comes back on the same address.
  let port = 20_000 + Math.floor(Math.random() * 10_000);
  const listen = async (): Promise<void> => {
    const s = createServer((client) => {
      const onward = connect(Number(upstream.port), upstream.hostname);
      for (const sock of [client, onward]) {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        sock.on('error', () => undefined);
      }
      client.pipe(onward).pipe(client);
      client.on('close', () => onward.destroy());
      onward.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  for (let tries = 0; ; tries += 1) {
    try {
      await listen();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tries > 20) throw err;
      port += 1;
    }
  }
  const cut = async (): Promise<void> => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (s !== null) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    get up() {
      return server !== null;
    },
    down: cut,
    async restore() {
      if (server === null) await listen();
    },
    close: cut,
  };
}
