import type { SyncStatus } from '../../../shared/domain/queue.js';
import { connectivityLabel, formatAge, formatTime, pauseAdvice } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';

interface Tile {
  readonly label: string;
  readonly count: number;
  readonly hint: string;
  readonly tone?: 'alert';
}

/** The queue at a glance: counts as tiles, how old the oldest waiting item is, the link, any pause. */
export function SyncOverview({ status }: { readonly status: SyncStatus }) {
  const signOut = useAppStore((s) => s.signOut);
  const where = useAppStore((s) => s.queueWhere);
  const setWhere = useAppStore((s) => s.setQueueWhere);
  const c = status.counts;
  const tiles: readonly Tile[] = [
    { label: 'Pending', count: status.pending, hint: 'not yet on the server' },
    { label: 'Syncing', count: c.syncing, hint: 'being sent now' },
    { label: 'Waiting to retry', count: c.retryWait, hint: 'sent again later' },
    { label: 'Quarantined', count: c.quarantined, hint: 'need you', ...(c.quarantined > 0 ? { tone: 'alert' as const } : {}) },
    { label: 'Done today', count: c.doneToday, hint: 'on the server' },
  ];
  const advice = pauseAdvice(status);
  return (
    <div className="sync-overview">
      <ul className="sync-tiles" aria-label="Queue counts">
        {tiles.map((t) => (
          <li key={t.label} className={`sync-tile${t.tone ? ` sync-tile--${t.tone}` : ''}`} aria-label={`${t.label}: ${t.count}`}>
            <span className="sync-tile__count" aria-hidden="true">
              {t.count}
            </span>
            <span className="sync-tile__label" aria-hidden="true">
              {t.label}
            </span>
            <span className="sync-tile__hint" aria-hidden="true">
              {t.hint}
            </span>
          </li>
        ))}
      </ul>
      <dl className="sync-facts">
        <div>
          <dt>Connection</dt>
          <dd>
            <span className={`sync-link sync-link--${status.connectivity}`}>{connectivityLabel(status)}</span>
          </dd>
        </div>
        <div>
          <dt>Oldest pending</dt>
          <dd>{status.oldestPendingAgeMs === null ? 'none' : formatAge(status.oldestPendingAgeMs)}</dd>
        </div>
        <div>
          <dt>Last successful sync</dt>
          <dd>{status.lastSuccessfulSyncAt === null ? 'never' : formatTime(status.lastSuccessfulSyncAt)}</dd>
        </div>
      </dl>
      {(status.counts.elsewhere > 0 || where === 'elsewhere') && (
        <div className="sync-elsewhere" role="status">
          <p>
            {status.counts.elsewhere} {status.counts.elsewhere === 1 ? 'enrollment was' : 'enrollments were'} made for another server or account. They are
            sent when it signs in on this desk; if that server is gone for good, move them here.
          </p>
          <button type="button" className="button button--secondary" onClick={() => void setWhere(where === 'here' ? 'elsewhere' : 'here')}>
            {where === 'here' ? 'Show items for other servers' : 'Show items for this server'}
          </button>
        </div>
      )}
      {status.connectivity === 'offline' && status.pausedReason === null && (
        <p className="freshness freshness--offline">
          The server cannot be reached. Keep enrolling: everything is kept on this desk and sent by itself when the server is back.
        </p>
      )}
      {advice !== null && (
        <div className="sync-pause" role="alert">
          <p>
            <strong>Sending is paused.</strong> {status.pausedMessage && status.pausedReason === 'auth' ? `${status.pausedMessage} ` : ''}
            {advice}
          </p>
          {status.pausedReason === 'auth' && (
            <button type="button" className="button button--primary" onClick={() => void signOut(false)}>
              Sign in again
            </button>
          )}
        </div>
      )}
    </div>
  );
}
