import type { AppInfoSlice } from './slices/app-info/state.js';
import type { NavigationSlice } from './slices/navigation/state.js';
import type { SessionSlice } from './slices/session/state.js';
import type { SettingsSlice } from './slices/settings/state.js';

/** The one store's shape: the union of its slices. */
export type AppState = SessionSlice & SettingsSlice & AppInfoSlice & NavigationSlice;
