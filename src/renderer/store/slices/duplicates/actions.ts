import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialDuplicatesState, type DuplicatesSlice } from './state.js';

export function createDuplicatesSlice(ipc: IpcClient): StateCreator<AppState, [], [], DuplicatesSlice> {
  return (set) => ({
    ...initialDuplicatesState,
    async loadCleanupStatus() {
      const result = await ipc.invoke('duplicates:cleanupStatus', undefined);
      if (result.ok) set({ checksToCleanUp: result.value.pending });
    },
    cleanupChanged: (status) => set({ checksToCleanUp: status.pending }),
  });
}
