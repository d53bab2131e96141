import type { AppInfoSlice } from './slices/app-info/state.js';
import type { AuditSlice } from './slices/audit/state.js';
import type { EnrollSlice } from './slices/enroll/state.js';
import type { CollectionsSlice } from './slices/collections/state.js';
import type { DuplicatesSlice } from './slices/duplicates/state.js';
import type { PersonDetailSlice } from './slices/person-detail/state.js';
import type { PersonsSlice } from './slices/persons/state.js';
import type { NavigationSlice } from './slices/navigation/state.js';
import type { SessionSlice } from './slices/session/state.js';
import type { SettingsSlice } from './slices/settings/state.js';
import type { SyncSlice } from './slices/sync/state.js';
import type { ToastsSlice } from './slices/toasts/state.js';
import type { WebcamSlice } from './slices/webcam/state.js';

/** The one store's shape: the union of its slices. */
export type AppState = SessionSlice &
  SettingsSlice &
  AppInfoSlice &
  NavigationSlice &
  CollectionsSlice &
  PersonsSlice &
  PersonDetailSlice &
  EnrollSlice &
  WebcamSlice &
  AuditSlice &
  SyncSlice &
  DuplicatesSlice &
  ToastsSlice;
