import { mkdirSync } from 'node:fs';
import type { EventSink, HandlerTable } from '../ipc/handler-table.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { connectToOz, type OzConnector } from '../session/oz-connector.js';
import { SessionService } from '../session/session-service.js';
import { SettingsStore } from '../settings/settings-store.js';
import { createEmbeddedSandboxLauncher } from './embedded-sandbox-launcher.js';
import { appHandlers } from './handlers/app-handlers.js';
import { sessionHandlers } from './handlers/session-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import type { LocalSandboxLauncher } from './local-sandbox.js';

export interface AppHostOptions {
  readonly dataDir: string;
  readonly host: 'electron' | 'browser';
  readonly secretStore: SecretStore;
  readonly emit: EventSink;
  readonly version: string;
  readonly platform: string;
  /** Tests inject their own; by default the embedded Oz sandbox. `null` hides the option. */
  readonly localSandbox?: LocalSandboxLauncher | null;
  readonly connect?: OzConnector;
  /** Sign in again with what the desk remembers (default true). */
  readonly restoreSession?: boolean;
}

/** Everything a host needs from the core: the services behind one handler table. */
export interface AppContext {
  readonly options: AppHostOptions;
  readonly settings: SettingsStore;
  readonly session: SessionService;
  readonly localSandboxAvailable: boolean;
}

export interface App {
  readonly handlers: HandlerTable;
  readonly context: AppContext;
  dispose(): Promise<void>;
}

/** The composition of core services that the Electron main process and the web host share. */
export async function createApp(options: AppHostOptions): Promise<App> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const settings = new SettingsStore(options.dataDir);
  const localSandbox = options.localSandbox === undefined ? createEmbeddedSandboxLauncher(options.dataDir) : options.localSandbox;
  const session = new SessionService({
    settings,
    secrets: options.secretStore,
    emit: options.emit,
    connect: options.connect ?? connectToOz,
    ...(localSandbox ? { localSandbox } : {}),
  });
  const context: AppContext = { options, settings, session, localSandboxAvailable: localSandbox !== null };
  const handlers: HandlerTable = {
    ...appHandlers(context),
    ...settingsHandlers(context),
    ...sessionHandlers(context),
  };
  if (options.restoreSession !== false) await session.restore();
  return {
    handlers,
    context,
    dispose: () => session.dispose(),
  };
}
