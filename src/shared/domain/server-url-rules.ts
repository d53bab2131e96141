// The server-URL rule without zod, so the CLI checks --server before loading any schema.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export type ServerUrlProblemCode = 'invalid' | 'credentials' | 'needs_https' | 'scheme';

/** Why a server URL is refused, as a code the screens translate; null when it is acceptable. */
export function serverUrlProblemCode(raw: string): ServerUrlProblemCode | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return url.protocol === 'http:' ? 'needs_https' : 'scheme';
}

const PROBLEM_TEXT: Readonly<Record<ServerUrlProblemCode, string>> = {
  invalid: 'Not a valid URL. Example: https://api.example-oz.com',
  credentials: 'The server URL must not contain a user name or password.',
  needs_https: 'The server URL must use https:// (plain http is allowed only for this computer, e.g. http://127.0.0.1).',
  scheme: 'Unsupported scheme. Use https://.',
};

/** Why a server URL is refused, or null when it is acceptable (English: main's and the CLI's messages). */
export function serverUrlProblem(raw: string): string | null {
  const code = serverUrlProblemCode(raw);
  return code === null ? null : PROBLEM_TEXT[code];
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * An address typed without a scheme, completed the way operators mean it: http for this
 * computer (the training sandbox, a local proxy), https for every other name.
 */
export function completeServerUrl(raw: string): string {
  const typed = raw.trim();
  if (typed === '' || HAS_SCHEME.test(typed)) return typed;
  const host = typed.startsWith('[') ? typed.slice(0, typed.indexOf(']') + 1) : (typed.split(/[:/?#]/)[0] ?? '');
  return `${isLoopbackHost(host.toLowerCase()) ? 'http' : 'https'}://${typed}`;
}
