import type { AppInfo } from '../../../../shared/domain/app-info.js';
import type { AppError } from '../../../../shared/result.js';

export interface AppInfoState {
  readonly appInfo: AppInfo | null;
  readonly appInfoError: AppError | null;
}

export interface AppInfoActions {
  loadAppInfo(): Promise<void>;
}

export type AppInfoSlice = AppInfoState & AppInfoActions;

export const initialAppInfoState: AppInfoState = { appInfo: null, appInfoError: null };
