import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialCollectionsState, type CollectionsSlice } from './state.js';

export function createCollectionsSlice(ipc: IpcClient): StateCreator<AppState, [], [], CollectionsSlice> {
  return (set, get) => {
    // Typing fast sends many searches; only the answer to the latest one is shown.
    let companySearch = 0;
    return {
      ...initialCollectionsState,
      showCollectionsView: (view) => set({ collectionsView: view }),
      async loadCollections() {
        set({ collectionsLoading: true });
        const result = await ipc.invoke('collections:list', undefined);
        if (!result.ok) {
          set({ collectionsLoading: false, collectionsError: result.error });
          return;
        }
        const { collections, ...freshness } = result.value;
        set({ collectionsLoading: false, collectionsError: null, collections, collectionsFreshness: freshness });
      },
      async searchCompanies(text) {
        const ticket = ++companySearch;
        const result = await ipc.invoke('companies:search', { text });
        if (ticket !== companySearch) return;
        set(result.ok ? { companyResults: result.value, createCollectionError: null } : { companyResults: [], createCollectionError: result.error });
      },
      async loadRememberedCompany() {
        const result = await ipc.invoke('companies:remembered', undefined);
        if (result.ok) set({ rememberedCompany: result.value });
      },
      async createCollection(alias, company) {
        set({ createCollectionBusy: true, createCollectionError: null });
        const result = await ipc.invoke('collections:create', { alias, company });
        if (!result.ok) {
          set({ createCollectionBusy: false, createCollectionError: result.error });
          return false;
        }
        set((s) => ({ createCollectionBusy: false, collections: [...s.collections, result.value], rememberedCompany: company }));
        void get().loadCollections();
        return true;
      },
      async loadDeletionPreview(collectionId) {
        set({ deletionPreview: null, deletionPreviewLoading: true, deletionError: null });
        const result = await ipc.invoke('collections:deletionPreview', { collectionId });
        set(result.ok ? { deletionPreview: result.value, deletionPreviewLoading: false } : { deletionError: result.error, deletionPreviewLoading: false });
      },
      clearDeletion: () => set({ deletionPreview: null, deletionPreviewLoading: false, deletionError: null }),
      async startDeletion(collectionId, confirmAlias) {
        set({ deletionError: null });
        const result = await ipc.invoke('collections:delete', { collectionId, confirmAlias });
        if (!result.ok) {
          set({ deletionError: result.error });
          return false;
        }
        get().deletionProgress(result.value);
        set({ deletionPreview: null });
        return true;
      },
      async resumeDeletion(jobId) {
        const result = await ipc.invoke('collections:resumeDeletion', { jobId });
        if (result.ok) get().deletionProgress(result.value);
        else set({ deletionError: result.error });
      },
      async loadDeletionJobs() {
        const result = await ipc.invoke('collections:deletionJobs', undefined);
        if (!result.ok) return;
        const shown = result.value.filter((j) => !get().dismissedDeletionJobs[j.jobId]);
        set((s) => ({ deletionJobs: { ...s.deletionJobs, ...Object.fromEntries(shown.map((j) => [j.jobId, j])) } }));
      },
      dismissDeletionJob(jobId) {
        const job = get().deletionJobs[jobId];
        if (job?.phase !== 'done') return;
        const { [jobId]: _gone, ...rest } = get().deletionJobs;
        set((s) => ({ deletionJobs: rest, dismissedDeletionJobs: { ...s.dismissedDeletionJobs, [jobId]: true } }));
      },
      deletionProgress(job) {
        set((s) => ({
          deletionJobs: { ...s.deletionJobs, [job.jobId]: job },
          collections: job.phase === 'done' ? s.collections.filter((c) => c.collectionId !== job.collectionId) : s.collections,
        }));
      },
    };
  };
}
