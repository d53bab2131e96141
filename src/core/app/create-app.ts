import { mkdirSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { createPhotoProcessor, type PhotoProcessor } from '../images/photo-processor.js';
import type { EventSink, HandlerTable } from '../ipc/handler-table.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { connectToOz, type OzConnector } from '../session/oz-connector.js';
import { SessionService } from '../session/session-service.js';
import { SettingsStore } from '../settings/settings-store.js';
import { openDeskDb } from '../storage/open-desk-db.js';
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

/** Everything the handlers need: the core services of one desk. */
export interface AppContext {
  readonly options: AppHostOptions;
  readonly settings: SettingsStore;
  readonly session: SessionService;
  readonly localSandboxAvailable: boolean;
  /** The desk's SQLite database (`<dataDir>/desk.db`). */
  readonly db: Database.Database;
  /** One photo processor for every path (import, enroll, webcam), so the in-flight limit holds across them. */
  readonly photos: PhotoProcessor;
  /** Registers cleanup run by `dispose()`, last registered first. */
  onDispose(fn: () => Promise<void> | void): void;
}

export interface App {
  readonly handlers: HandlerTable;
  readonly context: AppContext;
  dispose(): Promise<void>;
}

/** The composition of core services that the Electron main process and the web host share. */
export async function createApp(options: AppHostOptions): Promise<App> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const disposers: (() => Promise<void> | void)[] = [];
  const settings = new SettingsStore(options.dataDir);
  const db = openDeskDb(options.dataDir);
  disposers.push(() => {
    db.close();
  });
  const localSandbox = options.localSandbox === undefined ? createEmbeddedSandboxLauncher(options.dataDir) : options.localSandbox;
  const session = new SessionService({
    settings,
    secrets: options.secretStore,
    emit: options.emit,
    connect: options.connect ?? connectToOz,
    ...(localSandbox ? { localSandbox } : {}),
  });
  disposers.push(() => session.dispose());
  const context: AppContext = {
    options,
    settings,
    session,
    localSandboxAvailable: localSandbox !== null,
    db,
    photos: createPhotoProcessor({ concurrency: 2 }),
    onDispose: (fn) => disposers.push(fn),
  };
  // One factory per domain; each returns the handlers of its own channels.
  const handlers: HandlerTable = {
    ...appHandlers(context),
    ...settingsHandlers(context),
    ...sessionHandlers(context),
  };
  if (options.restoreSession !== false) await session.restore();
  let disposed = false;
  return {
    handlers,
    context,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const fn of disposers.reverse()) await fn();
    },
  };
}
