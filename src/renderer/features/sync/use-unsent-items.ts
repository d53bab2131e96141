import { useEffect } from 'react';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * This server's enrollments not on it yet, listed again on every change main reports, so
 * "waiting to sync" wording goes as soon as an item arrives (live, not on reload).
 */
export function useUnsentItems(): readonly QueueItemView[] {
  const status = useAppStore((s) => s.syncStatus);
  const load = useAppStore((s) => s.loadUnsent);
  const items = useAppStore((s) => s.unsentItems);
  useEffect(() => {
    void load();
  }, [status, load]);
  return items;
}
