import { OzRedirectError } from './oz-refusals.js';

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Same-origin hops followed per request (e.g. a trailing-slash redirect) before giving up. */
export const MAX_REDIRECTS = 5;

/** A 3xx, or the opaque redirect a browser-style fetch returns for `redirect: 'manual'`. */
export function isRedirect(res: Response): boolean {
  return REDIRECT_STATUSES.has(res.status) || res.type === 'opaqueredirect';
}

/**
 * Where a redirect may be followed with the token: only on the API's own origin (scheme
 * included, so never to plain http) and only when the method and body stay the same.
 * Anything else is an OzRedirectError naming the target; nothing is sent there.
 */
export function redirectTarget(res: Response, from: URL, method: string, hops: number): URL {
  const location = res.headers.get('location');
  let target: URL | null;
  try {
    target = location === null ? null : new URL(location, from);
  } catch {
    target = null;
  }
  const keepsRequest = method === 'GET' || res.status === 307 || res.status === 308;
  if (target === null || target.origin !== from.origin || !keepsRequest || hops >= MAX_REDIRECTS) {
    throw new OzRedirectError(from.origin, target?.href ?? location, res.status);
  }
  return target;
}
