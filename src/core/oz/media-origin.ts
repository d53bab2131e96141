import { isLoopbackHost } from '../../shared/domain/server-url.js';
import { OzMediaUrlError } from './oz-refusals.js';

const SHOWN_CHARS = 80;

/** A link the server handed out, resolved against the API's base URL; a typed refusal when it is no URL at all. */
export function parseServerLink(raw: string, base: URL): URL {
  try {
    return new URL(raw, base);
  } catch {
    throw new OzMediaUrlError(raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS)}…` : raw, 'it is not a valid URL');
  }
}

/**
 * Oz builds media links from its configured HOST/SCHEME/PORT, which need not be the address
 * the desk signs in to. A link on another origin is fetched with a plain GET and no
 * credentials; it must still use https (plain http only to this computer, the same rule as
 * for server URLs) and carry no user name or password. Throws OzMediaUrlError otherwise.
 */
export function checkMediaUrl(url: URL): void {
  const problem = mediaUrlProblem(url);
  if (problem !== null) throw new OzMediaUrlError(url.origin === 'null' ? url.protocol : url.origin, problem);
}

function mediaUrlProblem(url: URL): string | null {
  if (url.username !== '' || url.password !== '') return 'it carries a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? null : 'it uses plain http to another computer; Oz must serve media over https';
  return `its scheme "${url.protocol}" is not https`;
}
