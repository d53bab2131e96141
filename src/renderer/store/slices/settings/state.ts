import type { PolicyView } from '../../../../shared/domain/policy.js';
import type { Settings, SettingsPatch } from '../../../../shared/domain/settings.js';
import type { AppError } from '../../../../shared/result.js';

export interface SettingsState {
  /** null until loaded from main, which owns the settings file. */
  readonly settings: Settings | null;
  readonly settingsError: AppError | null;
  /** What the machine's managed policy locks; null until loaded (or when main cannot say). */
  readonly policy: PolicyView | null;
}

export interface SettingsActions {
  loadSettings(): Promise<void>;
  /** Once at start: main reads the policy when it starts, so it cannot change meanwhile. */
  loadPolicy(): Promise<void>;
  /** Resolves true when saved. */
  saveSettings(patch: SettingsPatch): Promise<boolean>;
}

export type SettingsSlice = SettingsState & SettingsActions;

export const initialSettingsState: SettingsState = { settings: null, settingsError: null, policy: null };
