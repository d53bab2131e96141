import type { PolicySettingKey } from '../../../../shared/domain/policy.js';
import type { Settings } from '../../../../shared/domain/settings.js';
import type { SettingsState } from './state.js';

export const selectSettings = (s: Pick<SettingsState, 'settings'>): Settings | null => s.settings;

/** First run: no server chosen yet, neither a real one nor the training sandbox. */
export const selectIsFirstRun = (s: Pick<SettingsState, 'settings'>): boolean =>
  s.settings !== null && s.settings.serverUrl === null && !s.settings.useLocalSandbox;

/** Whether the machine's managed policy sets this setting (then the desk cannot change it). */
export const selectLockedByPolicy =
  (key: PolicySettingKey) =>
  (s: Pick<SettingsState, 'policy'>): boolean =>
    s.policy?.locked.includes(key) ?? false;
