import type { Settings } from '../../../../shared/domain/settings.js';
import type { SettingsState } from './state.js';

export const selectSettings = (s: SettingsState): Settings | null => s.settings;

/** First run: no server chosen yet, neither a real one nor the training sandbox. */
export const selectIsFirstRun = (s: SettingsState): boolean =>
  s.settings !== null && s.settings.serverUrl === null && !s.settings.useLocalSandbox;
