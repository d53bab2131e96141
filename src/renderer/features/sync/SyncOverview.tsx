import type { SyncStatus } from '../../../shared/domain/queue.js';
import { connectivityLabel, formatAge, formatTime, pauseAdvice } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { useTranslation } from 'react-i18next';

interface Tile {
  readonly key: string;
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
  const { t } = useTranslation();
  const c = status.counts;
  const tile = (key: string, count: number, alert = false): Tile => ({
    key,
    label: t(`sync.tile.${key}.label`),
    hint: t(`sync.tile.${key}.hint`),
    count,
    ...(alert ? { tone: 'alert' as const } : {}),
  });
  const tiles: readonly Tile[] = [
    tile('pending', status.pending),
    tile('syncing', c.syncing),
    tile('retryWait', c.retryWait),
    tile('quarantined', c.quarantined, c.quarantined > 0),
    tile('doneToday', c.doneToday),
  ];
  const advice = pauseAdvice(status);
  return (
    <div className="sync-overview">
      <ul className="sync-tiles" aria-label={t('sync.counts')}>
        {tiles.map((tl) => (
          <li key={tl.key} className={`sync-tile${tl.tone ? ` sync-tile--${tl.tone}` : ''}`} aria-label={t('sync.tileName', { label: tl.label, count: tl.count })}>
            <span className="sync-tile__count" aria-hidden="true">
              {tl.count}
            </span>
            <span className="sync-tile__label" aria-hidden="true">
              {tl.label}
            </span>
            <span className="sync-tile__hint" aria-hidden="true">
              {tl.hint}
            </span>
          </li>
        ))}
      </ul>
      <dl className="sync-facts">
        <div>
          <dt>{t('sync.connection')}</dt>
          <dd>
            <span className={`sync-link sync-link--${status.connectivity}`}>{connectivityLabel(status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('sync.oldestPending')}</dt>
          <dd>{status.oldestPendingAgeMs === null ? t('common.none') : formatAge(status.oldestPendingAgeMs)}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd>{status.lastSuccessfulSyncAt === null ? t('common.never') : formatTime(status.lastSuccessfulSyncAt)}</dd>
        </div>
      </dl>
      {(status.counts.elsewhere > 0 || where === 'elsewhere') && (
        <div className="sync-elsewhere" role="status">
          <p>{t('sync.elsewhere.note', { count: status.counts.elsewhere })}</p>
          <button type="button" className="button button--secondary" onClick={() => void setWhere(where === 'here' ? 'elsewhere' : 'here')}>
            {where === 'here' ? t('sync.elsewhere.show') : t('sync.elsewhere.showHere')}
          </button>
        </div>
      )}
      {status.connectivity === 'offline' && status.pausedReason === null && (
        <p className="freshness freshness--offline">
          {t('sync.offlineNote')}
        </p>
      )}
      {advice !== null && (
        <div className="sync-pause" role="alert">
          <p>
            <strong>{t('sync.paused')}</strong> {status.pausedMessage && status.pausedReason === 'auth' ? `${status.pausedMessage} ` : ''}
            {advice}
          </p>
          {status.pausedReason === 'auth' && (
            <button type="button" className="button button--primary" onClick={() => void signOut(false)}>
              {t('sync.signInAgain')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
