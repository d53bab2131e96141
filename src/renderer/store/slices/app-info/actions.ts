import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialAppInfoState, type AppInfoSlice } from './state.js';

export function createAppInfoSlice(ipc: IpcClient): StateCreator<AppState, [], [], AppInfoSlice> {
  return (set) => ({
    ...initialAppInfoState,
    async loadAppInfo() {
      const result = await ipc.invoke('app:info', undefined);
      set(result.ok ? { appInfo: result.value, appInfoError: null } : { appInfoError: result.error });
    },
  });
}
