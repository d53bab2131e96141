import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectChecksToCleanUp } from '../../store/slices/duplicates/selectors.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * "Checks to clean up": 1:N duplicate checks whose analysis the server has not deleted yet.
 * Until it is, that analysis blocks deleting the person it matched; the next sync retries.
 */
export function CheckCleanupNote() {
  const { t } = useTranslation();
  const count = useAppStore(selectChecksToCleanUp);
  const load = useAppStore((s) => s.loadCleanupStatus);
  useEffect(() => {
    void load();
  }, [load]);
  if (count === 0) return null;
  return (
    <p className="sync-cleanup" role="status" aria-label={t('sync.cleanup.name', { count })}>
      <strong>{t('sync.cleanup.name', { count })}</strong> — {t('sync.cleanup.detail', { count })}
    </p>
  );
}
