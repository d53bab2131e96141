import type { QueueItemState, SyncStatus } from '../../../../shared/domain/queue.js';
import { assertNever } from '../../../../shared/result.js';
import { createFormatters } from '../../../i18n/format.js';
import { i18n, t } from '../../../i18n/index.js';
import type { AppState } from '../../app-state.js';
import type { TrackedItem } from './state.js';

export const selectSyncStatus = (s: AppState): SyncStatus | null => s.syncStatus;

export function connectivityLabel(status: SyncStatus): string {
  switch (status.connectivity) {
    case 'online':
      return t('sync.link.online');
    case 'offline':
      return t('sync.link.offline');
    case 'unknown':
      return t('sync.link.checking');
    default:
      return assertNever(status.connectivity);
  }
}

const waiting = (n: number): string => (n === 0 ? t('sync.badge.allSent') : t('sync.badge.waiting', { count: n }));

export interface SyncBadge {
  readonly text: string;
  readonly tone: 'ok' | 'warn' | 'alert';
}

/** The header badge: always visible, e.g. "Offline — 3 waiting". (A function of the status, not a selector: it builds a new object.) */
export function syncBadgeOf(status: SyncStatus): SyncBadge {
  if (status.pausedReason === 'auth' || status.pausedReason === 'certificate') return { text: t('sync.badge.paused', { waiting: waiting(status.pending) }), tone: 'alert' };
  const label = connectivityLabel(status);
  const tone = status.connectivity === 'offline' ? 'warn' : status.counts.quarantined > 0 ? 'alert' : 'ok';
  const waitingText = waiting(status.pending);
  const text =
    status.counts.quarantined > 0
      ? t('sync.badge.withAttention', { link: label, waiting: waitingText, count: status.counts.quarantined })
      : t('sync.badge.plain', { link: label, waiting: waitingText });
  return { text, tone };
}

/** What the operator should do about a pause, in words. */
export function pauseAdvice(status: SyncStatus): string | null {
  switch (status.pausedReason) {
    case 'auth':
      return t('sync.pause.auth');
    case 'certificate':
      return t('sync.pause.certificate');
    case 'not-signed-in':
      return t('sync.pause.notSignedIn');
    case null:
      return null;
    default:
      return assertNever(status.pausedReason);
  }
}

export const stateLabel = (state: QueueItemState): string => t(`sync.state.${state}`);

/** "just now", "4 min", "2 h 5 min", "3 days". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('sync.age.underMinute');
  if (minutes < 60) return t('sync.age.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? t('sync.age.hours', { hours }) : t('sync.age.hoursMinutes', { hours, minutes: minutes % 60 });
  return t('sync.age.days', { count: Math.floor(hours / 24) });
}

/** The desk's one date format (see i18n/format.ts); 0 is "never", shown as unknown. */
export function formatTime(epochMs: number | null): string {
  return createFormatters(i18n.resolvedLanguage ?? 'en').dateTime(epochMs === null || epochMs <= 0 ? null : epochMs);
}

/** Where a just-saved enrollment is: null when nothing follows it (not saved from this window, or discarded). */
export const selectTrackedState =
  (itemId: string | null) =>
  (s: AppState): TrackedItem['state'] | null =>
    itemId === null ? null : (s.trackedItems[itemId]?.state ?? null);
