import { useTranslation } from 'react-i18next';
import type { Freshness } from '../../../shared/domain/collections.js';
import { useFormat } from '../../i18n/format.js';
import { selectSyncStatus } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * "As of" under every list; offline it explains why actions are disabled. Online or not is
 * the one state main reports (the header badge and the Sync screen read the same), so the
 * page never says offline while the header says online.
 */
export function FreshnessNote({ freshness }: { readonly freshness: Freshness | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sync = useAppStore(selectSyncStatus);
  if (freshness === null) return null;
  const offline = sync === null ? freshness.offline : sync.connectivity === 'offline';
  const asOf = freshness.asOf <= 0 ? t('common.never') : f.dateTime(freshness.asOf);
  if (!offline) return <p className="freshness">{t('freshness.asOf', { asOf })}</p>;
  const reason = freshness.offlineReason ?? t('freshness.noAnswer');
  return (
    <p className="freshness freshness--offline" role="status">
      <strong>{t('freshness.offlineLead')}</strong>{' '}
      {freshness.asOf > 0 ? t('freshness.offline', { reason, asOf }) : t('freshness.offlineNothingKept', { reason })}
    </p>
  );
}
