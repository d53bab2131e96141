import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcClient } from '../ipc/client.js';
import type { AppState } from './app-state.js';
import { createAppInfoSlice } from './slices/app-info/actions.js';
import { createAuditSlice } from './slices/audit/actions.js';
import { createEnrollSlice } from './slices/enroll/actions.js';
import { createCollectionsSlice } from './slices/collections/actions.js';
import { createDuplicatesSlice } from './slices/duplicates/actions.js';
import { createPersonDetailSlice } from './slices/person-detail/actions.js';
import { createPersonsSlice } from './slices/persons/actions.js';
import { createNavigationSlice } from './slices/navigation/actions.js';
import { createSessionSlice } from './slices/session/actions.js';
import { createSettingsSlice } from './slices/settings/actions.js';
import { createSyncSlice } from './slices/sync/actions.js';
import { createToastsSlice } from './slices/toasts/actions.js';
import { createWebcamSlice } from './slices/webcam/actions.js';
import { forgetOtherServerOnSignIn } from './scope/forget-other-server.js';

export type { AppState } from './app-state.js';
export type AppStore = StoreApi<AppState>;

/** The renderer's one store, wired to main's events. */
export function createAppStore(ipc: IpcClient): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createSessionSlice(ipc)(...a),
    ...createSettingsSlice(ipc)(...a),
    ...createAppInfoSlice(ipc)(...a),
    ...createNavigationSlice()(...a),
    ...createCollectionsSlice(ipc)(...a),
    ...createPersonsSlice(ipc)(...a),
    ...createPersonDetailSlice(ipc)(...a),
    ...createEnrollSlice(ipc)(...a),
    ...createWebcamSlice(ipc)(...a),
    ...createAuditSlice(ipc)(...a),
    ...createSyncSlice(ipc)(...a),
    ...createDuplicatesSlice(ipc)(...a),
    ...createToastsSlice()(...a),
  }));
  ipc.on('session:changed', (status) => store.getState().sessionChanged(status));
  ipc.on('collections:deletionProgress', (job) => store.getState().deletionProgress(job));
  ipc.on('persons:indexProgress', (progress) => store.getState().indexProgressed(progress));
  ipc.on('import:progress', (progress) => store.getState().importProgressed(progress));
  ipc.on('import:finished', (result) => store.getState().scanFinished(result));
  ipc.on('import:personResult', ({ scanId, result }) => store.getState().personEnrolled(scanId, result));
  ipc.on('queue:changed', (status) => store.getState().syncChanged(status));
  ipc.on('duplicates:changed', (status) => store.getState().cleanupChanged(status));
  forgetOtherServerOnSignIn(store);
  return store;
}

/** Everything the first screen needs, fetched in parallel. */
export async function loadInitialState(store: AppStore): Promise<void> {
  const s = store.getState();
  await Promise.all([s.loadAppInfo(), s.loadSettings(), s.loadPolicy(), s.loadSession()]);
}
