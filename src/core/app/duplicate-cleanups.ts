import type Database from 'better-sqlite3';
import type { DuplicateCleanupStatus } from '../../shared/domain/duplicates.js';
import type { AuditRecorder } from '../audit/audit-log.js';
import type { EventSink } from '../ipc/handler-table.js';
import type { SyncWorker } from '../queue/index.js';
import { CheckRecords, cleanUpChecks, type CheckScope } from '../services/duplicates/index.js';
import type { SessionService } from '../session/session-service.js';

export interface DuplicateCleanups {
  readonly records: CheckRecords;
  /** The signed-in server and account, or null. */
  scope(): CheckScope | null;
  /** Retries every cleanup owed to the signed-in server and account; one pass at a time. */
  runNow(): Promise<void>;
  status(): DuplicateCleanupStatus;
  /** Tells the renderer the count may have changed (after a dry run's checks). */
  changed(): void;
  dispose(): Promise<void>;
}

/**
 * The 1:N checks' owed deletions, retried alongside the queue: when someone signs in, when
 * the server is reachable again and whenever the operator syncs.
 */
export function startDuplicateCleanups(deps: {
  readonly db: Database.Database;
  readonly session: SessionService;
  readonly sync: SyncWorker;
  readonly audit: AuditRecorder;
  readonly emit: EventSink;
}): DuplicateCleanups {
  const records = new CheckRecords(deps.db);
  let running: Promise<void> | null = null;
  // The one desk scope (normalised server, lower-case account) every store keys by.
  const scope = (): CheckScope | null => deps.session.scope();
  const status = (): DuplicateCleanupStatus => ({ pending: records.count() });
  const changed = (): void => deps.emit('duplicates:changed', status());
  const pass = async (): Promise<void> => {
    const where = scope();
    if (where === null || records.count(where) === 0) return;
    try {
      await cleanUpChecks({ client: deps.session.requireClient(), records, scope: where, audit: deps.audit });
    } catch (err) {
      // The records keep what is owed; the next trigger tries again.
      console.error('enroll-desk: cleaning up 1:N checks failed', err);
    }
    changed();
  };
  const runNow = (): Promise<void> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const offSession = deps.session.onChange((s) => {
    if (s.state === 'signedIn') void runNow();
  });
  let wasOffline = false;
  const offSync = deps.sync.onChange((s) => {
    if (s.connectivity === 'online' && wasOffline) void runNow();
    wasOffline = s.connectivity === 'offline';
  });
  return {
    records,
    scope,
    runNow,
    status,
    changed,
    async dispose() {
      offSession();
      offSync();
      await running;
    },
  };
}
