import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxProfileName } from '../../src/sandbox/index.js';

/** A sandbox the branch link to can drop: it stops listening, then comes back on the same port with the same data. */
export interface SwitchableSandbox {
  readonly url: string;
  readonly email: string;
  readonly password: string;
  readonly companyId: string;
  /** The demo collection "demo-watchlist". */
  readonly collectionId: string;
  readonly online: boolean;
  /**
   * The branch link drops. `refuse`: nothing listens on the port, connections are refused at
   * once. `hang`: connections are accepted and never answered, as when packets vanish on the way,
   * so anything the desk awaits from the server waits for its timeout.
   */
  goOffline(how?: 'refuse' | 'hang'): Promise<void>;
  /** Listens again on the same port, with every token, collection and person it had. */
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

export async function startSwitchableSandbox(profile: SandboxProfileName): Promise<SwitchableSandbox> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-oz-'));
  const start = (port: number) => startSandbox({ port, dataDir, seedDemo: true, profile });
  let running: RunningSandbox | null = await start(0);
  let blackHole: BlackHole | null = null;
  const { url, port } = running;
  const demo = running.demo;
  if (demo === null) throw new Error('The sandbox did not seed its demo account');
  return {
    url,
    email: demo.email,
    password: demo.password,
    companyId: demo.companyId,
    collectionId: demo.collectionId,
    get online() {
      return running !== null;
    },
    async goOffline(how = 'refuse') {
      await running?.close();
      running = null;
      if (how === 'hang' && blackHole === null) blackHole = await listenBlackHole(port);
    },
    async goOnline() {
      await blackHole?.close();
      blackHole = null;
      running ??= await start(port);
    },
    async close() {
      await blackHole?.close();
      blackHole = null;
      await running?.close();
      running = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface BlackHole {
  close(): Promise<void>;
}

/** Accepts every connection on the port and answers none. */
async function listenBlackHole(port: number): Promise<BlackHole> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
