import type { StateCreator } from 'zustand';
import type { AppState } from '../../app-state.js';
import { initialNavigationState, type NavigationSlice } from './state.js';

export function createNavigationSlice(): StateCreator<AppState, [], [], NavigationSlice> {
  return (set) => ({
    ...initialNavigationState,
    navigate(area) {
      set({ area });
    },
  });
}
