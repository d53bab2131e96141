import { toAppError } from '../errors/to-app-error.js';

/** The code a failed entry carries: the app's code, with Oz's own error code when there is one. */
export function auditErrorCode(err: unknown): string {
  const error = toAppError(err);
  const ozCode = (error.details as { errorCode?: unknown } | undefined)?.errorCode;
  return typeof ozCode === 'number' || typeof ozCode === 'string' ? `${error.code}:${String(ozCode)}`.slice(0, 64) : error.code;
}
