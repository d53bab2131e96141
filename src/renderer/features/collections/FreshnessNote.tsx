import type { Freshness } from '../../../shared/domain/collections.js';
import { formatAsOf } from './format.js';

/** "As of" under every list; offline it explains why actions are disabled. */
export function FreshnessNote({ freshness }: { readonly freshness: Freshness | null }) {
  if (freshness === null) return null;
  if (!freshness.offline) return <p className="freshness">As of {formatAsOf(freshness.asOf)}</p>;
  return (
    <p className="freshness freshness--offline" role="status">
      <strong>Offline:</strong> the server cannot be reached ({freshness.offlineReason ?? 'no answer'}). Showing the last data seen on this desk, as
      of {formatAsOf(freshness.asOf)}. Actions that need the server are disabled until it is back.
    </p>
  );
}
