import { OzApiError, OzErrorCode } from '../oz/index.js';

// Answers that say something other than "still referenced": sign-in, permission, gone, throttled.
const OTHER_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 408, 429]);
const OTHER_CODES: ReadonlySet<number> = new Set([
  OzErrorCode.authNotProvided,
  OzErrorCode.authInvalid,
  OzErrorCode.authExpired,
  OzErrorCode.authForbidden,
  OzErrorCode.notExist,
]);

/**
 * Oz documents no status or code for refusing to delete something still referenced (a
 * person COLLECTION analyses matched, a collection that has persons), so any other refusal
 * may be one: the caller looks for what blocks it and, finding nothing, rethrows the
 * server's own error. A 5xx counts too — a server may report the conflict that way — and
 * stays a transient error when nothing blocking is found.
 */
export function isMaybeBlocked(err: unknown): err is OzApiError {
  if (!(err instanceof OzApiError) || err.httpStatus < 400 || OTHER_STATUSES.has(err.httpStatus)) return false;
  return err.errorCode === null || !OTHER_CODES.has(err.errorCode);
}
