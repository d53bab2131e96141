import { APP_INDEX_URL, devServerOrigin } from '../security/app-origin.js';

/** electron-vite's dev server URL, honoured only in an unpackaged build and only on loopback http. */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  if (isPackaged) return undefined;
  const url = env['ELECTRON_RENDERER_URL'];
  return url !== undefined && devServerOrigin(url) !== null ? url : undefined;
}

export function rendererEntryUrl(devUrl: string | undefined): string {
  return devUrl ?? APP_INDEX_URL;
}
