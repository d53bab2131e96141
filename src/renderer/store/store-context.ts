import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './index.js';

export const StoreContext = createContext<AppStore | null>(null);

/** Reads a slice of the app store; re-renders only when the selected value changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore must be used inside <StoreContext.Provider>');
  return useStore(store, selector);
}
