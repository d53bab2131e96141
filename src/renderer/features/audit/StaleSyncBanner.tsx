import { useEffect } from 'react';
import { checkStaleSync, type StaleSyncQueueStatus } from '../../../shared/domain/audit-stale-sync.js';
import { useAppStore } from '../../store/store-context.js';
import { useTranslation } from 'react-i18next';

interface StaleSyncBannerProps {
  /**
   * The queue status the Sync screen already holds; the verdict is then computed here with
   * the desk's settings. Without it the banner asks main once when shown.
   */
  readonly status?: StaleSyncQueueStatus;
}

/** Warns when unsynced enrollments wait too long, or says that new ones are paused; nothing when all is well. */
export function StaleSyncBanner({ status }: StaleSyncBannerProps) {
  const settings = useAppStore((s) => s.settings);
  const fromMain = useAppStore((s) => s.staleSync);
  const load = useAppStore((s) => s.loadStaleSync);
  const { t } = useTranslation();

  useEffect(() => {
    if (status === undefined) void load();
  }, [status, load]);

  const verdict = status === undefined ? fromMain : checkStaleSync(status, settings ?? {});
  if (verdict === null || verdict.level === 'ok') return null;
  const blocked = verdict.level === 'block';
  return (
    <div className={blocked ? 'stale-sync stale-sync--block' : 'stale-sync stale-sync--warn'} role={blocked ? 'alert' : 'status'}>
      <strong>{blocked ? t('sync.stale.blocked') : t('sync.stale.warn')}</strong> {verdict.message}
    </div>
  );
}
