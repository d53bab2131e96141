import type { Freshness } from '../../../shared/domain/collections.js';
import { selectSyncStatus } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { formatAsOf } from './format.js';

/**
 * "As of" under every list; offline it explains why actions are disabled. Online or not is
 * the one state main reports (the header badge and the Sync screen read the same), so the
 * page never says offline while the header says online.
 */
export function FreshnessNote({ freshness }: { readonly freshness: Freshness | null }) {
  const sync = useAppStore(selectSyncStatus);
  if (freshness === null) return null;
  const offline = sync === null ? freshness.offline : sync.connectivity === 'offline';
  if (!offline) return <p className="freshness">As of {formatAsOf(freshness.asOf)}</p>;
  const seen = freshness.asOf > 0 ? `Showing the last data seen on this desk, as of ${formatAsOf(freshness.asOf)}.` : 'Nothing from this server is kept on this desk yet.';
  return (
    <p className="freshness freshness--offline" role="status">
      <strong>Offline:</strong> the server cannot be reached ({freshness.offlineReason ?? 'no answer'}). {seen} Actions that need the server are disabled until it is
      back.
    </p>
  );
}
