import type { Session } from 'electron';
import { devServerOrigin } from './app-origin.js';

const LOCAL_SCHEMES: readonly string[] = ['app:', 'devtools:', 'data:', 'blob:'];

/**
 * The renderer never talks to the network: all HTTP (Oz API, sandbox) runs in main
 * through Node's fetch, which does not pass through the session. Only local schemes —
 * and electron-vite's dev server with its HMR socket during development — get through.
 */
export function isAllowedRendererRequest(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.includes(parsed.protocol)) return true;
  const dev = devServerUrl === undefined ? null : devServerOrigin(devServerUrl);
  if (dev === null) return false;
  const devHost = new URL(dev).host;
  return (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.host === devHost;
}

export function installNetworkLockdown(session: Session, devServerUrl?: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRendererRequest(details.url, devServerUrl) });
  });
}
