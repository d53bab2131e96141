import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialSettingsState, type SettingsSlice } from './state.js';

export function createSettingsSlice(ipc: IpcClient): StateCreator<AppState, [], [], SettingsSlice> {
  return (set) => ({
    ...initialSettingsState,
    async loadSettings() {
      const result = await ipc.invoke('settings:get', undefined);
      set(result.ok ? { settings: result.value, settingsError: null } : { settingsError: result.error });
    },
    async loadPolicy() {
      const result = await ipc.invoke('policy:get', undefined);
      if (result.ok) set({ policy: result.value });
    },
    async saveSettings(patch) {
      const result = await ipc.invoke('settings:set', patch);
      set(result.ok ? { settings: result.value, settingsError: null } : { settingsError: result.error });
      return result.ok;
    },
  });
}
