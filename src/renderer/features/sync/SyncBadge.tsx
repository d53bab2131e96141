import { useEffect } from 'react';
import { selectSyncStatus, syncBadgeOf } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { useTranslation } from 'react-i18next';

/** Always in the header: connectivity and what still waits, e.g. "Offline — 3 waiting". Opens the Sync area. */
export function SyncBadge() {
  const status = useAppStore(selectSyncStatus);
  const load = useAppStore((s) => s.loadSyncStatus);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation();
  useEffect(() => {
    void load();
  }, [load]);
  if (status === null) return null;
  const badge = syncBadgeOf(status);
  return (
    <button type="button" className={`sync-badge sync-badge--${badge.tone}`} onClick={() => navigate('sync')} title={t('sync.badge.open')}>
      <span className="sync-badge__dot" aria-hidden="true" />
      {badge.text}
    </button>
  );
}
