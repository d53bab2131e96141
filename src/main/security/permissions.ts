import type { Session } from 'electron';
import { isTrustedUrl } from './app-origin.js';

/** What a permission decision looks at, from either Electron handler. */
export interface PermissionQuery {
  readonly permission: string;
  /** URL or origin of the requesting frame. */
  readonly requestingUrl: string | undefined;
  readonly securityOrigin: string | undefined;
  readonly isMainFrame: boolean;
  readonly mediaTypes: readonly string[];
}

/** Only the camera, only for the app's own main frame. Microphone, screen, geolocation… are denied. */
export function isPermissionAllowed(query: PermissionQuery, origins: readonly string[]): boolean {
  if (query.permission !== 'media') return false;
  if (!query.isMainFrame) return false;
  if (query.requestingUrl === undefined || !isTrustedUrl(query.requestingUrl, origins)) return false;
  if (query.securityOrigin !== undefined && !isTrustedUrl(query.securityOrigin, origins)) return false;
  return query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'video');
}

export function installPermissionPolicy(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    callback(
      isPermissionAllowed(
        { permission, requestingUrl: details.requestingUrl, securityOrigin, isMainFrame: details.isMainFrame, mediaTypes },
        origins,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(
      {
        permission,
        requestingUrl: requestingOrigin,
        securityOrigin: details.securityOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType === undefined ? [] : [details.mediaType],
      },
      origins,
    ),
  );
  session.setDevicePermissionHandler(() => false);
}
