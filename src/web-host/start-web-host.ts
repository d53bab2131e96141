import { readFileSync } from 'node:fs';
import { createApp, type AppHostOptions } from '../core/app/create-app.js';
import { envProxyFetch } from '../core/net/env-proxy-fetch.js';
import type { EventSink } from '../core/ipc/handler-table.js';
import type { SecretStore } from '../core/secrets/secret-store.js';
import { startWebServer } from './web-server.js';

export interface WebHostOptions {
  readonly dataDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The built renderer, normally `out/renderer`. */
  readonly rendererDir: string;
  /** Defaults to the OS keychain. */
  readonly secretStore?: SecretStore;
  /** A native folder dialog, where the machine running the host has one to offer (none by default). */
  readonly chooseFolder?: () => Promise<string | null>;
  /** The sync worker's retry timing (default: the app's; tests probe sooner so they wait less). */
  readonly syncTiming?: AppHostOptions['syncTiming'];
}

export interface WebHost {
  /** Open this in a browser: it carries the one-time token. */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

function packageVersion(): string {
  const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(raw) as { version: string }).version;
}

/** Browser mode: the app's handlers over the web server, same contract as the Electron shell. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // Keytar is loaded only when no store is given, so tests never touch the keychain.
  const secretStore =
    options.secretStore ?? new (await import('../core/secrets/keytar-secret-store.js')).KeytarSecretStore();
  // Events can fire before the server is listening; until then nobody is connected anyway.
  let sink: EventSink = () => undefined;
  const app = await createApp({
    dataDir: options.dataDir,
    host: 'browser',
    secretStore,
    emit: (event, payload) => sink(event, payload),
    version: packageVersion(),
    platform: process.platform,
    // Like the CLI: HTTPS_PROXY/NO_PROXY and NODE_EXTRA_CA_CERTS, as IT sets them for the desk.
    fetch: envProxyFetch(),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    ...(options.syncTiming ? { syncTiming: options.syncTiming } : {}),
  });
  try {
    const server = await startWebServer({ handlers: app.handlers, rendererDir: options.rendererDir, port: options.port ?? 0 });
    sink = server.broadcast;
    return {
      url: server.url,
      token: server.token,
      port: server.port,
      async close() {
        sink = () => undefined;
        await server.close();
        await app.dispose();
      },
    };
  } catch (err) {
    await app.dispose();
    throw err;
  }
}
