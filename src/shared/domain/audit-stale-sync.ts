// The stale-sync guard, pure so the Sync screen (renderer) and the enroll handlers (main) agree.

export const DEFAULT_STALE_SYNC_WARN_HOURS = 24;

export interface StaleSyncQueueStatus {
  /** Accepted but not yet on the server. */
  readonly pending: number;
  readonly oldestPendingAgeMs: number | null;
}

export interface StaleSyncSettings {
  readonly staleSyncWarnHours?: number | undefined;
  /** Absent or null: never block. */
  readonly staleSyncBlockHours?: number | null | undefined;
}

export type StaleSyncLevel = 'ok' | 'warn' | 'block';

export interface StaleSyncVerdict {
  readonly level: StaleSyncLevel;
  readonly message: string;
}

const HOUR_MS = 3_600_000;

function age(ms: number): string {
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/** Says whether unsynced enrollments have waited too long, why, and what to do. */
export function checkStaleSync(status: StaleSyncQueueStatus, settings: StaleSyncSettings): StaleSyncVerdict {
  const oldest = status.oldestPendingAgeMs;
  if (status.pending === 0 || oldest === null) return { level: 'ok', message: 'Every enrollment has reached the server.' };
  const items = `${status.pending} enrollment${status.pending === 1 ? '' : 's'}`;
  const block = settings.staleSyncBlockHours ?? null;
  if (block !== null && oldest >= block * HOUR_MS) {
    return {
      level: 'block',
      message:
        `New enrollments are paused: ${items} have waited ${age(oldest)} to reach the server (limit ${block} h). ` +
        'Restore the network connection or sign in again so the queue can sync, or ask IT.',
    };
  }
  const warn = settings.staleSyncWarnHours ?? DEFAULT_STALE_SYNC_WARN_HOURS;
  if (oldest >= warn * HOUR_MS) {
    return {
      level: 'warn',
      message:
        `${items} have not reached the server; the oldest has waited ${age(oldest)}. ` +
        'Check the network connection and that you are signed in, then choose Sync now.',
    };
  }
  return { level: 'ok', message: `${items} waiting to sync.` };
}
