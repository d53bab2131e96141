import type { QueueItemState, SyncStatus } from '../../../../shared/domain/queue.js';
import { assertNever } from '../../../../shared/result.js';
import type { AppState } from '../../app-state.js';

export const selectSyncStatus = (s: AppState): SyncStatus | null => s.syncStatus;

export type ConnectivityLabel = 'Online' | 'Offline' | 'Checking';

export function connectivityLabel(status: SyncStatus): ConnectivityLabel {
  switch (status.connectivity) {
    case 'online':
      return 'Online';
    case 'offline':
      return 'Offline';
    case 'unknown':
      return 'Checking';
    default:
      return assertNever(status.connectivity);
  }
}

const waiting = (n: number): string => (n === 0 ? 'all sent' : `${n} waiting`);

export interface SyncBadge {
  readonly text: string;
  readonly tone: 'ok' | 'warn' | 'alert';
}

/** The header badge: always visible, e.g. "Offline — 3 waiting". (A function of the status, not a selector: it builds a new object.) */
export function syncBadgeOf(status: SyncStatus): SyncBadge {
  if (status.pausedReason === 'auth' || status.pausedReason === 'certificate') return { text: `Sync paused — ${waiting(status.pending)}`, tone: 'alert' };
  const label = connectivityLabel(status);
  const tone = status.connectivity === 'offline' ? 'warn' : status.counts.quarantined > 0 ? 'alert' : 'ok';
  const quarantined = status.counts.quarantined > 0 ? `, ${status.counts.quarantined} need attention` : '';
  return { text: `${label} — ${waiting(status.pending)}${quarantined}`, tone };
}

/** What the operator should do about a pause, in words. */
export function pauseAdvice(status: SyncStatus): string | null {
  switch (status.pausedReason) {
    case 'auth':
      return 'The server refused this account. Sign in again as an account allowed to enroll: sending resumes by itself. Items made under another account wait for it, or can be moved on the Sync screen.';
    case 'certificate':
      return 'The server’s certificate is not trusted by this desk. Ask IT to install the bank’s root CA certificate; then sign in again and sending resumes.';
    case 'not-signed-in':
      return 'Sign in to send the queued enrollments.';
    case null:
      return null;
    default:
      return assertNever(status.pausedReason);
  }
}

export const STATE_LABELS: Readonly<Record<QueueItemState, string>> = {
  ready: 'Pending',
  syncing: 'Syncing',
  retry_wait: 'Waiting to retry',
  quarantined: 'Quarantined',
  done: 'Done',
};

/** "just now", "4 min", "2 h 5 min", "3 days". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** The one date-and-time format of connectivity facts (the lists' "as of" uses the same). */
export function formatTime(epochMs: number | null): string {
  return epochMs === null || epochMs <= 0 ? '—' : new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
