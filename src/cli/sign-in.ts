import { toAppError } from '../core/errors/to-app-error.js';
import { OzCertificateError, type AuthSession } from '../core/oz/index.js';
import { isTransient, retryTransient, failureText } from '../core/queue/retry-transient.js';

/** How long sign-in and the other start-up reads retry a server that answers with errors: --wait, within these bounds. */
export function startupRetryMs(waitMs: number): number {
  return Math.min(30_000, Math.max(5_000, waitMs));
}

export type SignIn =
  | { readonly online: true }
  /** The server cannot be reached, or kept failing: the work can wait in the queue. */
  | { readonly online: false; readonly reason: string }
  /** The server refused (credentials, permissions): the work cannot proceed. */
  | { readonly refused: string };

/** A connection failure or timeout: the work can wait in the queue (bad credentials cannot). */
export function isUnreachable(err: unknown): boolean {
  const { code } = toAppError(err);
  return code === 'NETWORK' || code === 'TIMEOUT';
}

/** Signs in, retrying 5xx, 429 and lost answers for a while; tells unreachable apart from refused. */
export async function signInPatiently(session: AuthSession, server: string, budgetMs: number): Promise<SignIn> {
  try {
    await retryTransient(() => session.signIn(), { budgetMs });
    return { online: true };
  } catch (err) {
    if (isTransient(err)) return { online: false, reason: `${server} kept failing for ${Math.round(budgetMs / 1000)} s (last: ${failureText(err)})` };
    if (isUnreachable(err)) return { online: false, reason: `${server} cannot be reached (${toAppError(err).message})` };
    // Not offline: IT must fix the trust store before anything can be sent or queued for this server.
    if (err instanceof OzCertificateError) return { refused: `Cannot connect to ${server}: ${err.message}` };
    return { refused: `Cannot sign in to ${server}: ${failureText(err)}. Check the e-mail and the password ($OZ_PASSWORD, or the one this desk remembers).` };
  }
}
