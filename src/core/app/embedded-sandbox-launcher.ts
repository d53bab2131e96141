import path from 'node:path';
import type { LocalSandboxLauncher } from './local-sandbox.js';

/**
 * The product's LocalSandboxLauncher: runs the Oz sandbox in-process on a random
 * loopback port, with its data in `<dataDir>/sandbox`. Imported lazily so hosts that
 * never offer the sandbox do not load it.
 */
export function createEmbeddedSandboxLauncher(dataDir: string): LocalSandboxLauncher {
  let running: { url: string; email: string; password: string; close(): Promise<void> } | null = null;
  return {
    async start() {
      if (!running) {
        const { startSandbox } = await import('../../sandbox/index.js');
        const sandbox = await startSandbox({ port: 0, dataDir: path.join(dataDir, 'sandbox'), seedDemo: true });
        if (!sandbox.demo) throw new Error('The local sandbox did not create its demo account.');
        running = { url: sandbox.url, email: sandbox.demo.email, password: sandbox.demo.password, close: () => sandbox.close() };
      }
      return { url: running.url, email: running.email, password: running.password };
    },
    async stop() {
      const current = running;
      running = null;
      await current?.close();
    },
  };
}
