import { useEffect } from 'react';
import { selectChecksToCleanUp } from '../../store/slices/duplicates/selectors.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * "Checks to clean up": 1:N duplicate checks whose analysis the server has not deleted yet.
 * Until it is, that analysis blocks deleting the person it matched; the next sync retries.
 */
export function CheckCleanupNote() {
  const count = useAppStore(selectChecksToCleanUp);
  const load = useAppStore((s) => s.loadCleanupStatus);
  useEffect(() => {
    void load();
  }, [load]);
  if (count === 0) return null;
  return (
    <p className="sync-cleanup" role="status" aria-label={`Checks to clean up: ${count}`}>
      <strong>Checks to clean up: {new Intl.NumberFormat().format(count)}</strong> — the server has not deleted the analysis of{' '}
      {count === 1 ? 'one duplicate check' : `${new Intl.NumberFormat().format(count)} duplicate checks`} yet. Until it does, the matched person cannot be
      deleted. Sync now (or wait for the next sync) to try again.
    </p>
  );
}
