import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialSyncState, SYNC_TABLE_LIMIT, UNSENT_LIMIT, type SyncSlice, type TrackedItem } from './state.js';
import { followTracked } from './tracked-items.js';

export function createSyncSlice(ipc: IpcClient): StateCreator<AppState, [], [], SyncSlice> {
  return (set, get) => {
    // Retry and discard share one shape: the item busy, then a fresh list (status arrives by event).
    const onItem = async (itemId: string, call: () => Promise<boolean | null>): Promise<boolean> => {
      set({ queueItemBusy: itemId, syncError: null });
      const done = await call();
      set({ queueItemBusy: null });
      await get().loadQueueItems();
      return done === true;
    };

    return {
      ...initialSyncState,
      async loadSyncStatus() {
        const result = await ipc.invoke('queue:status', undefined);
        set(result.ok ? { syncStatus: result.value } : { syncError: result.error });
      },
      async loadQueueItems() {
        const filter = get().queueFilter;
        set({ queueLoading: true });
        const where = get().queueWhere;
        const result = await ipc.invoke('queue:list', { ...(filter === null ? {} : { state: filter }), where, limit: SYNC_TABLE_LIMIT, offset: 0 });
        // A filter changed while this was on its way: the newer request wins.
        if (get().queueFilter !== filter || get().queueWhere !== where) return;
        set(result.ok ? { queueItems: result.value, queueLoading: false } : { syncError: result.error, queueLoading: false });
      },
      async setQueueFilter(queueFilter) {
        set({ queueFilter });
        await get().loadQueueItems();
      },
      syncChanged: (syncStatus) => set({ syncStatus }),
      async syncNow() {
        set({ syncError: null });
        const result = await ipc.invoke('queue:syncNow', undefined);
        set(result.ok ? { syncStatus: result.value } : { syncError: result.error });
      },
      retryQueueItem: (itemId, tags) =>
        onItem(itemId, async () => {
          const result = await ipc.invoke('queue:retry', tags === undefined ? { itemId } : { itemId, tags: { ...tags } });
          if (!result.ok) set({ syncError: result.error });
          return result.ok ? result.value.retried : null;
        }),
      discardQueueItem: (itemId) =>
        onItem(itemId, async () => {
          const result = await ipc.invoke('queue:discard', { itemId });
          if (!result.ok) set({ syncError: result.error });
          // Discarded, it will never arrive: nothing follows it any more.
          if (result.ok && result.value.discarded) set({ trackedItems: withoutKey(get().trackedItems, itemId) });
          return result.ok ? result.value.discarded : null;
        }),
      async setQueueWhere(queueWhere) {
        set({ queueWhere });
        await get().loadQueueItems();
      },
      async loadMoveChoices() {
        const result = await ipc.invoke('enroll:collections', undefined);
        set(result.ok ? { moveChoices: result.value } : { syncError: result.error });
      },
      retargetQueueItem: (itemId, collectionId, toCurrentServer) =>
        onItem(itemId, async () => {
          const result = await ipc.invoke('queue:retarget', { itemId, collectionId, toCurrentServer });
          if (!result.ok) set({ syncError: result.error });
          return result.ok ? result.value.moved : null;
        }),
      async exportQueueCsv() {
        set({ syncError: null });
        const result = await ipc.invoke('queue:exportCsv', undefined);
        if (!result.ok) {
          set({ syncError: result.error });
          return null;
        }
        return result.value;
      },
      clearSyncError: () => set({ syncError: null }),
      async loadUnsent() {
        const load = get().unsentLoads + 1;
        set({ unsentLoads: load });
        const result = await ipc.invoke('queue:list', { unsent: true, limit: UNSENT_LIMIT, offset: 0 });
        if (!result.ok) return;
        set({ unsentItems: result.value, trackedItems: followTracked(get().trackedItems, load, result.value, UNSENT_LIMIT) });
      },
      async trackItem(itemId) {
        const tracked: TrackedItem = { sinceLoad: get().unsentLoads + 1, state: 'waiting' };
        set({ trackedItems: { ...get().trackedItems, [itemId]: tracked } });
        await get().loadUnsent();
      },
    };
  };
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
