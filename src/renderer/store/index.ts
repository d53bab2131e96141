import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcClient } from '../ipc/client.js';
import type { AppState } from './app-state.js';
import { createAppInfoSlice } from './slices/app-info/actions.js';
import { createNavigationSlice } from './slices/navigation/actions.js';
import { createSessionSlice } from './slices/session/actions.js';
import { createSettingsSlice } from './slices/settings/actions.js';

export type { AppState } from './app-state.js';
export type AppStore = StoreApi<AppState>;

/** The renderer's one store, wired to main's events. */
export function createAppStore(ipc: IpcClient): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createSessionSlice(ipc)(...a),
    ...createSettingsSlice(ipc)(...a),
    ...createAppInfoSlice(ipc)(...a),
    ...createNavigationSlice()(...a),
  }));
  ipc.on('session:changed', (status) => store.getState().sessionChanged(status));
  return store;
}

/** Everything the first screen needs, fetched in parallel. */
export async function loadInitialState(store: AppStore): Promise<void> {
  const s = store.getState();
  await Promise.all([s.loadAppInfo(), s.loadSettings(), s.loadSession()]);
}
