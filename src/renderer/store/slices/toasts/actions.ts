import type { StateCreator } from 'zustand';
import type { AppState } from '../../app-state.js';
import { MAX_TOASTS, TOAST_MS, initialToastsState, type ToastsSlice } from './state.js';

export function createToastsSlice(): StateCreator<AppState, [], [], ToastsSlice> {
  let nextId = 0;
  return (set, get) => ({
    ...initialToastsState,
    showToast(text) {
      const id = (nextId += 1);
      set({ toasts: [...get().toasts, { id, text }].slice(-MAX_TOASTS) });
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast(id) {
      set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
    },
  });
}
