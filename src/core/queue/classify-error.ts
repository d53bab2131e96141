import { ZodError } from 'zod';
import {
  isOzRefusal,
  OzApiError,
  OzCertificateError,
  OzErrorCode,
  OzNetworkError,
  OzNotSignedInError,
  OzResponseFormatError,
  OzTimeoutError,
} from '../oz/index.js';
import { QueueDecryptError } from './queue-crypto.js';

/** What the worker does after a failed step. */
export type FailureAction =
  /** Try again later (the item stays marked for reconciliation if a send was unresolved). */
  | { readonly kind: 'retry'; readonly retryAfterSeconds: number | null; readonly reachedServer: boolean }
  /** Stop the whole queue until the operator signs in again (after IT fixed the trust store, for `certificate`). */
  | { readonly kind: 'pause'; readonly reason: PauseCause; readonly message: string }
  /** This item cannot succeed as it is: the operator must fix or discard it. */
  | { readonly kind: 'quarantine'; readonly reason: string }
  /** 404 on a collection-scoped call: find out whether the collection is gone. */
  | { readonly kind: 'not-found'; readonly message: string };

const authCodes: ReadonlySet<number> = new Set([
  OzErrorCode.authNotProvided,
  OzErrorCode.authInvalid,
  OzErrorCode.authExpired,
  OzErrorCode.authForbidden,
]);

export type PauseCause = 'auth' | 'certificate';

export function classifyFailure(err: unknown): FailureAction {
  if (err instanceof OzApiError) return classifyApiError(err);
  // Not offline: every request would fail the same way until IT acts, so the queue waits.
  if (err instanceof OzCertificateError) return { kind: 'pause', reason: 'certificate', message: err.message };
  // A redirect elsewhere, a URL off the API's origin, an oversized answer: resending cannot help.
  if (isOzRefusal(err)) return { kind: 'quarantine', reason: err.message };
  if (err instanceof OzTimeoutError) return { kind: 'retry', retryAfterSeconds: null, reachedServer: false };
  if (err instanceof OzNetworkError) {
    return { kind: 'retry', retryAfterSeconds: null, reachedServer: false };
  }
  if (err instanceof OzNotSignedInError) return { kind: 'pause', reason: 'auth', message: err.message };
  // A 2xx the client could not read: the change may have been applied.
  if (err instanceof OzResponseFormatError) return { kind: 'retry', retryAfterSeconds: null, reachedServer: true };
  if (err instanceof QueueDecryptError) return { kind: 'quarantine', reason: `Stored data cannot be read: ${err.message}` };
  if (err instanceof ZodError) return { kind: 'quarantine', reason: 'Stored data is invalid.' };
  if (isMissingFile(err)) return { kind: 'quarantine', reason: 'A queued photo file is missing from the data folder.' };
  return { kind: 'retry', retryAfterSeconds: null, reachedServer: false };
}

function classifyApiError(err: OzApiError): FailureAction {
  const message = describe(err);
  if ((err.errorCode !== null && authCodes.has(err.errorCode)) || err.httpStatus === 401 || err.httpStatus === 403) {
    return { kind: 'pause', reason: 'auth', message };
  }
  if (err.isNotFound) return { kind: 'not-found', message };
  if (err.httpStatus === 429 || err.httpStatus === 408) {
    return { kind: 'retry', retryAfterSeconds: err.retryAfterSeconds, reachedServer: true };
  }
  // A 5xx may come after the server committed: reconcile before re-sending.
  if (err.httpStatus >= 500) return { kind: 'retry', retryAfterSeconds: err.retryAfterSeconds, reachedServer: true };
  // Content refusals (codes 3–5) and other 4xx: re-sending the same request cannot help.
  return { kind: 'quarantine', reason: message };
}

export function describe(err: OzApiError): string {
  const code = err.errorCode === null ? '' : ` (code ${err.errorCode})`;
  return `Oz API HTTP ${err.httpStatus}${code}: ${err.errorMessage ?? 'no message'}`;
}

function isMissingFile(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT';
}

export function errorText(err: unknown): string {
  if (err instanceof OzApiError) return describe(err);
  return err instanceof Error ? err.message : String(err);
}
