/** The renderer's own origin: a privileged custom scheme, so no file:// and no web origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'enroll-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none. Node's URL reports "null"
 * as the origin of custom schemes, so it is built from protocol and host.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The origins the shell trusts: the app scheme, plus electron-vite's dev server during
 * development (only a loopback http URL is accepted there).
 */
export function trustedOrigins(devServerUrl?: string): readonly string[] {
  const dev = devServerUrl === undefined ? null : devServerOrigin(devServerUrl);
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev];
}

export function devServerOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
  return parsed.protocol === 'http:' && loopback ? parsed.origin : null;
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}
