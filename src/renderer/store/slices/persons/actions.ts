import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialPersonsState, PERSONS_PAGE_SIZE, type PersonsSlice } from './state.js';

const SEARCH_LIMIT = 200;

/**
 * Without a total from the server: a short page ends the list; a full one counts one more
 * row, so scrolling to it loads the next page.
 */
function estimatedTotal(known: number | null, page: number, count: number): number {
  const end = page * PERSONS_PAGE_SIZE + count;
  return count < PERSONS_PAGE_SIZE ? end : Math.max(known ?? 0, end + 1);
}

export function createPersonsSlice(ipc: IpcClient): StateCreator<AppState, [], [], PersonsSlice> {
  return (set, get) => {
    const thumbsAsked = new Set<string>();
    let searchTicket = 0;
    return {
      ...initialPersonsState,
      async openPersons(collectionId) {
        thumbsAsked.clear();
        set({ ...initialPersonsState, personsCollectionId: collectionId });
        await get().ensurePersonsPage(0);
      },
      async ensurePersonsPage(page) {
        const { personsCollectionId: collectionId, personPages, pagesLoading } = get();
        if (collectionId === null || personPages[page] !== undefined || pagesLoading[page]) return;
        set((s) => ({ pagesLoading: { ...s.pagesLoading, [page]: true } }));
        const result = await ipc.invoke('persons:list', { collectionId, offset: page * PERSONS_PAGE_SIZE, limit: PERSONS_PAGE_SIZE });
        if (get().personsCollectionId !== collectionId) return;
        set((s) => {
          const { [page]: _done, ...stillLoading } = s.pagesLoading;
          if (!result.ok) return { pagesLoading: stillLoading, personsError: result.error };
          const { items, total, offset: _offset, ...freshness } = result.value;
          return {
            pagesLoading: stillLoading,
            personsError: null,
            personPages: { ...s.personPages, [page]: items },
            personsTotal: total ?? estimatedTotal(s.personsTotal, page, items.length),
            personsFreshness: freshness,
          };
        });
      },
      async requestThumbnails(personIds) {
        const collectionId = get().personsCollectionId;
        const wanted = personIds.filter((id) => !thumbsAsked.has(id));
        if (collectionId === null || wanted.length === 0) return;
        for (const id of wanted) thumbsAsked.add(id);
        const result = await ipc.invoke('persons:thumbnails', { collectionId, personIds: wanted });
        if (!result.ok) {
          for (const id of wanted) thumbsAsked.delete(id);
          return;
        }
        if (get().personsCollectionId === collectionId) set((s) => ({ thumbnails: { ...s.thumbnails, ...result.value } }));
      },
      async searchPersons(text) {
        const collectionId = get().personsCollectionId;
        const ticket = ++searchTicket;
        const query = text.trim();
        if (collectionId === null || query === '') {
          set({ personsSearch: null });
          return;
        }
        const result = await ipc.invoke('persons:search', { collectionId, text: query, limit: SEARCH_LIMIT });
        if (ticket !== searchTicket) return;
        if (!result.ok) {
          set({ personsError: result.error });
          return;
        }
        set({ personsSearch: { text, ...result.value } });
      },
      indexProgressed(progress) {
        if (progress.collectionId !== get().personsCollectionId) return;
        set({ indexProgress: progress });
        // Main filled more of the index: the same search may now find more.
        const search = get().personsSearch;
        if (search !== null && !search.complete) void get().searchPersons(search.text);
      },
      async reloadPersons() {
        const collectionId = get().personsCollectionId;
        if (collectionId === null) return;
        thumbsAsked.clear();
        set({ personPages: {}, pagesLoading: {}, thumbnails: {} });
        await get().ensurePersonsPage(0);
      },
    };
  };
}
