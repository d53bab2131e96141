import type Database from 'better-sqlite3';
import { loadAuditHeadKey, loadAuditKey, openAuditLog, type AuditLog } from '../audit/index.js';
import { createPhotoProcessor, type PhotoProcessor } from '../images/photo-processor.js';
import { createFaceDetector, type FaceDetector } from '../quality/index.js';
import { openQueue, type BackoffPolicy, type EnrollmentQueue, type SyncWorker } from '../queue/index.js';
import type { EventSink, HandlerTable } from '../ipc/handler-table.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { FetchImpl } from '../oz/index.js';
import { ozConnector, type OzConnector } from '../session/oz-connector.js';
import { SessionService } from '../session/session-service.js';
import { SettingsStore } from '../settings/settings-store.js';
import { openDeskDb } from '../storage/open-desk-db.js';
import { recordPolicyInForce } from '../policy/record-policy.js';
import { ensurePrivateDir } from '../storage/private-files.js';
import { startRetention } from '../retention/start-retention.js';
import { sharedCache } from '../services/cache/shared-cache.js';
import { scopeKey } from '../../shared/domain/desk-scope.js';
import { startDuplicateCleanups, type DuplicateCleanups } from './duplicate-cleanups.js';
import { createDeskSyncWorker } from '../services/enroll/desk-sync.js';
import { createEmbeddedSandboxLauncher } from './embedded-sandbox-launcher.js';
import { appHandlers } from './handlers/app-handlers.js';
import { auditHandlers } from './handlers/audit-handlers.js';
import { deskHandlers } from './handlers/desk-handlers.js';
import { duplicatesHandlers } from './handlers/duplicates-handlers.js';
import { collectionsHandlers } from './handlers/collections-handlers.js';
import { personsHandlers } from './handlers/persons-handlers.js';
import { photosHandlers } from './handlers/photos-handlers.js';
import { enrollHandlers } from './handlers/enroll-handlers.js';
import { queueHandlers } from './handlers/queue-handlers.js';
import { followSession } from './queue-sync.js';
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
  /** The host's network stack for every Oz request: Chromium's `net.fetch` in Electron, undici with the proxy environment in browser mode. */
  readonly fetch?: FetchImpl;
  /** Sign in again with what the desk remembers (default true). */
  readonly restoreSession?: boolean;
  /** The face-quality detector, e.g. one warm detector shared by several desks in one process (default: a worker started on first use). */
  readonly faceDetector?: FaceDetector;
  /** The sync worker's retry timing (default: the app's back-off, a probe every 15 s while offline). */
  readonly syncTiming?: { readonly backoff?: BackoffPolicy; readonly probeIntervalMs?: number; readonly reconcileGraceMs?: number };
  /** The host's native folder dialog (Electron); resolves null when cancelled. Browser mode has none. */
  readonly chooseFolder?: () => Promise<string | null>;
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
  /** The face-quality detector (a worker thread, started on first use). */
  readonly quality: FaceDetector;
  /** The hash-chained record of operator actions (desk and operator filled in). */
  readonly audit: AuditLog;
  /** The offline enrollment queue (its tables in `db`, photos encrypted under `<dataDir>/queue-blobs`). */
  readonly queue: EnrollmentQueue;
  /** Sends the queue while someone is signed in; idle (paused "not signed in") otherwise. */
  readonly sync: SyncWorker;
  /** The 1:N duplicate checks whose deletion on the server is still owed, and their retries. */
  readonly duplicateCleanups: DuplicateCleanups;
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
  ensurePrivateDir(options.dataDir);
  const disposers: (() => Promise<void> | void)[] = [];
  const settings = new SettingsStore(options.dataDir);
  const db = openDeskDb(options.dataDir);
  disposers.push(() => {
    db.close();
  });
  // The operator is read from the session, created below; entries are only recorded later.
  const audit = openAuditLog(
    db,
    {
      desk: () => settings.get().deskName,
      operator: () => {
        const status = session.status();
        return status.state === 'signedIn' ? status.email : null;
      },
    },
    Date.now,
    await loadAuditHeadKey(options.secretStore, options.dataDir),
  );
  recordPolicyInForce(audit, settings.policy);
  const localSandbox = options.localSandbox === undefined ? createEmbeddedSandboxLauncher(options.dataDir) : options.localSandbox;
  const session = new SessionService({
    settings,
    secrets: options.secretStore,
    emit: options.emit,
    connect: options.connect ?? ozConnector(options.fetch),
    audit,
    ...(localSandbox ? { localSandbox } : {}),
  });
  disposers.push(() => session.dispose());
  // Everything queued is made for the server and account signed in (or last signed in).
  const queue = await openQueue({ dataDir: options.dataDir, secretStore: options.secretStore, db, scope: () => session.lastScope() });
  disposers.push(() => queue.close());
  // Dry runs do not outlive the app: what an earlier run staged and never confirmed goes now.
  queue.staging.purgeOwner('app');
  const sync = createDeskSyncWorker({
    queue,
    db,
    getClient: () => (session.status().state === 'signedIn' ? session.requireClient() : null),
    scope: () => session.scope(),
    statusScope: () => session.lastScope(),
    ...options.syncTiming,
  });
  const following = followSession(session, sync, options.emit);
  // The read-only copy follows the sign-in: another server or account starts from empty.
  const offCacheScope = session.onChange(() => {
    const scope = session.scope();
    if (scope !== null) void sharedCache(db, options.secretStore).then((cache) => cache.belongTo(scopeKey(scope)));
  });
  disposers.push(offCacheScope);
  // A sent enrollment changes a collection's size: the next list counts the persons again.
  // (A cache that cannot open is reported by the screens that read it, not by this listener.)
  const forgetCounts = (): void => void sharedCache(db, options.secretStore).then((cache) => cache.personCounts.clear(), () => undefined);
  disposers.push(sync.onChange(forgetCounts));
  disposers.push(() => following.dispose());
  const quality = options.faceDetector ?? createFaceDetector();
  // A detector the host passed in is the host's to close.
  if (options.faceDetector === undefined) disposers.push(() => quality.close());
  const duplicateCleanups = startDuplicateCleanups({ db, session, sync, audit, emit: options.emit });
  disposers.push(() => duplicateCleanups.dispose());
  const context: AppContext = {
    options,
    settings,
    session,
    localSandboxAvailable: localSandbox !== null && settings.policy.policy.localSandbox !== false,
    db,
    photos: createPhotoProcessor({ concurrency: 2 }),
    quality,
    audit,
    queue,
    sync,
    duplicateCleanups,
    onDispose: (fn) => disposers.push(fn),
  };
  // One factory per domain; each returns the handlers of its own channels.
  const handlers: HandlerTable = {
    ...appHandlers(context),
    ...settingsHandlers(context),
    ...sessionHandlers(context),
    ...collectionsHandlers(context),
    ...personsHandlers(context),
    ...photosHandlers(context),
    ...enrollHandlers(context),
    ...auditHandlers(context),
    ...deskHandlers(context),
    ...queueHandlers(context),
    ...duplicatesHandlers(context),
  };
  if (options.restoreSession !== false) await session.restore();
  const retention = startRetention({ ...context, cache: () => sharedCache(db, options.secretStore) }, () => loadAuditKey(options.secretStore));
  disposers.push(async () => {
    retention.stop();
    await retention.first;
  });
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
