import type { AppInfo } from '../../../../shared/domain/app-info.js';
import type { AppState } from '../../app-state.js';

export const selectAppInfo = (s: Pick<AppState, 'appInfo'>): AppInfo | null => s.appInfo;

/** The desk's name as the operator set it; the host's default until settings arrive. */
export const selectDeskName = (s: Pick<AppState, 'appInfo' | 'settings'>): string =>
  s.settings?.deskName ?? s.appInfo?.deskName ?? 'Enroll Desk';

/** The training sandbox is offered where the host can run it and no real server is configured. */
export const selectOffersLocalSandbox = (s: Pick<AppState, 'appInfo' | 'settings'>): boolean =>
  s.appInfo?.localSandboxAvailable === true &&
  s.settings !== null &&
  (s.settings.serverUrl === null || s.settings.useLocalSandbox);
