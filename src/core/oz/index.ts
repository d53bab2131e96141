import { serverUrlProblem } from '../../shared/domain/server-url.js';
import { AppFailure } from '../errors/app-failure.js';
import { AuthSession } from './auth-session.js';
import { OzClient } from './oz-client.js';
import { OzHttp, type FetchImpl } from './oz-http.js';

export { AuthSession, type AuthStats } from './auth-session.js';
export { OzClient, type CallOptions, type FolderQuery, type PageRequest, type RawRequest } from './oz-client.js';
export {
  OzApiError,
  OzErrorCode,
  OzNetworkError,
  OzNotSignedInError,
  OzResponseFormatError,
  OzTimeoutError,
  isOzApiError,
} from './oz-api-error.js';
export { OzCertificateError, certificateProblemOf, type CertificateProblem } from './oz-certificate-error.js';
export { OzMediaUrlError, OzOriginError, OzRedirectError, OzResponseTooLargeError, isOzRefusal, type OzRefusal } from './oz-refusals.js';
export { RESPONSE_LIMITS } from './read-body.js';
export { TOKEN_HEADER, type FetchImpl, type OzResponse } from './oz-http.js';
export { ozPaths } from './paths.js';
export type * from './types.js';

export interface OzClientOptions {
  readonly baseUrl: string;
  readonly email: string;
  readonly password: string;
  /** Per-call timeout; 30 s unless given. */
  readonly timeoutMs?: number;
  readonly fetchImpl?: FetchImpl;
  /** Clock in epoch milliseconds. */
  readonly now?: () => number;
  readonly refreshLeewaySeconds?: number;
}

/**
 * The client and the session that owns its tokens; call `session.signIn()` first. Every
 * host builds its client here, so the server-URL rule (https, or http only on loopback)
 * holds for all of them.
 */
export function createOzClient(opts: OzClientOptions): { readonly client: OzClient; readonly session: AuthSession } {
  const problem = serverUrlProblem(opts.baseUrl);
  if (problem !== null) throw new AppFailure('CONFIG', problem);
  const http = new OzHttp({ baseUrl: opts.baseUrl, fetchImpl: opts.fetchImpl, timeoutMs: opts.timeoutMs });
  const session = new AuthSession({
    http,
    email: opts.email,
    password: opts.password,
    now: opts.now,
    refreshLeewaySeconds: opts.refreshLeewaySeconds,
  });
  return { client: new OzClient(http, session), session };
}
