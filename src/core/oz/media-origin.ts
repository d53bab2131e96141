import { serverUrlProblem } from '../../shared/domain/server-url.js';

/**
 * Oz builds media links from its configured HOST/SCHEME/PORT, which need not be the address
 * the desk signs in to. A link on another origin is fetched with a plain GET and no
 * credentials; it must still use https (plain http only to this computer) and carry no user
 * name or password. Why a media URL is refused, or null when it may be fetched.
 */
export function mediaUrlProblem(url: URL): string | null {
  const problem = serverUrlProblem(url.href);
  return problem === null ? null : `Refusing to fetch the photo at ${url.origin}: ${problem}`;
}
