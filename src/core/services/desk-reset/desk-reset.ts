import type Database from 'better-sqlite3';
import type { SessionStatus } from '../../../shared/domain/session.js';
import type { AuditRecorder } from '../../audit/audit-log.js';
import { AppFailure } from '../../errors/app-failure.js';
import type { EnrollmentQueue, SyncWorker } from '../../queue/index.js';
import { secretAccounts, type SecretStore } from '../../secrets/secret-store.js';
import type { SettingsStore } from '../../settings/settings-store.js';
import type { DeskCache } from '../cache/desk-cache.js';
import type { EnrolledPhotos } from '../enroll/enrolled-photos.js';

export interface DeskResetDeps {
  readonly db: Database.Database;
  /** The running queue, worker and cache: each forgets through its own API, in memory too. */
  readonly queue: Pick<EnrollmentQueue, 'reset' | 'unsyncedCount' | 'staging'>;
  readonly sync: Pick<SyncWorker, 'stop'>;
  readonly cache: () => Promise<Pick<DeskCache, 'wipe'>>;
  readonly enrolled: Pick<EnrolledPhotos, 'clear'>;
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  readonly session: { status(): SessionStatus; signOut(forgetPassword: boolean): Promise<SessionStatus> };
  readonly audit: AuditRecorder;
}

export interface DeskResetInput {
  /** The unsynced count the operator confirmed losing; must match the current count. */
  readonly confirmUnsynced?: number | undefined;
}

export interface DeskResetResult {
  readonly queueItems: number;
  readonly unsyncedDiscarded: number;
  readonly cacheRows: number;
  readonly secretsRemoved: number;
  /** Dry-run photos staged and never confirmed. */
  readonly stagedPhotos: number;
}

/**
 * "Forget this desk's data": signs out, then removes the queue (photos included), the
 * dry runs' staged photos, the caches and the keychain entries (passwords, queue and cache keys). The audit log and
 * its key stay, and the reset is recorded in it. Unsynced items are only dropped when the
 * operator confirmed their exact number, so a count that grew in between is asked again.
 */
export async function resetDesk(deps: DeskResetDeps, input: DeskResetInput): Promise<DeskResetResult> {
  const unsynced = deps.queue.unsyncedCount();
  if (unsynced > 0 && input.confirmUnsynced !== unsynced) {
    throw new AppFailure(
      'CONFLICT',
      `${unsynced} enrollment${unsynced === 1 ? ' has' : 's have'} not reached the server. Confirm that they may be lost, or sync first.`,
      { unsynced },
    );
  }
  const before = deps.session.status();
  const operator = before.state === 'signedIn' ? before.email : null;
  const passwords = new Set<string>();
  const { serverUrl, rememberedEmail } = deps.settings.get();
  if (serverUrl !== null && rememberedEmail !== null) passwords.add(secretAccounts.password(serverUrl, rememberedEmail));
  if (before.state === 'signedIn') passwords.add(secretAccounts.password(before.serverUrl, before.email));
  // Held before the keys go: opening the cache afterwards would create a new key.
  const cache = await deps.cache();
  let secretsRemoved = 0;
  for (const account of [...passwords, secretAccounts.queueKey, secretAccounts.cacheKey]) {
    if (await deps.secrets.delete(account)) secretsRemoved += 1;
  }
  if (before.state === 'signedIn') await deps.session.signOut(true);
  // Nothing may be mid-upload while its rows and photo files go.
  await deps.sync.stop();
  const stagedPhotos = deps.queue.staging.wipe();
  const queueItems = deps.queue.reset();
  const cacheRows = cache.wipe() + deps.enrolled.clear();
  deps.settings.update({ rememberedEmail: null });
  compact(deps.db);
  deps.audit.record({
    action: 'deskReset',
    outcome: 'done',
    operator,
    counts: { queueItems, unsyncedDiscarded: unsynced, cacheRows, secretsRemoved, stagedPhotos },
  });
  return { queueItems, unsyncedDiscarded: unsynced, cacheRows, secretsRemoved, stagedPhotos };
}

/** Deleted rows linger in free pages and the WAL until rewritten; rewrite them now. */
function compact(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  try {
    db.exec('VACUUM');
  } catch {
    // Another connection is mid-transaction: the free pages are reused by later writes.
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}
