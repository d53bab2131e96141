import type { QueueItemView } from '../../../../shared/domain/queue.js';
import type { TrackedItem } from './state.js';

/**
 * Tracked items after a fresh list of unsent items: still listed means waiting (needing
 * attention when quarantined); missing from a complete list loaded after it was saved means
 * the server has it. Older or truncated lists cannot say an item arrived.
 */
export function followTracked(
  tracked: Readonly<Record<string, TrackedItem>>,
  load: number,
  unsent: readonly QueueItemView[],
  limit: number,
): Readonly<Record<string, TrackedItem>> {
  const byId = new Map(unsent.map((item) => [item.id, item]));
  const complete = unsent.length < limit;
  const next: Record<string, TrackedItem> = {};
  for (const [id, item] of Object.entries(tracked)) {
    const listed = byId.get(id);
    if (load < item.sinceLoad || item.state === 'arrived' || (listed === undefined && !complete)) {
      next[id] = item;
      continue;
    }
    const state = listed === undefined ? 'arrived' : listed.state === 'quarantined' ? 'attention' : 'waiting';
    next[id] = { ...item, state };
  }
  return next;
}
