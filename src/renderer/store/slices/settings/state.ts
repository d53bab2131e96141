import type { Settings, SettingsPatch } from '../../../../shared/domain/settings.js';
import type { AppError } from '../../../../shared/result.js';

export interface SettingsState {
  /** null until loaded from main, which owns the settings file. */
  readonly settings: Settings | null;
  readonly settingsError: AppError | null;
}

export interface SettingsActions {
  loadSettings(): Promise<void>;
  /** Resolves true when saved. */
  saveSettings(patch: SettingsPatch): Promise<boolean>;
}

export type SettingsSlice = SettingsState & SettingsActions;

export const initialSettingsState: SettingsState = { settings: null, settingsError: null };
