import type { AppError } from '../../shared/result.js';
import type { ConvertibleError } from '../errors/to-app-error.js';

/** Oz `error_code` values the client acts on (see reference §11.2). */
export const OzErrorCode = {
  unknown: 0,
  invalidStructure: 3,
  invalidValue: 4,
  invalidType: 5,
  authNotProvided: 6,
  authInvalid: 7,
  authExpired: 8,
  authForbidden: 9,
  notExist: 10,
} as const;

/** The server answered with a non-2xx status; its envelope is kept verbatim. */
export class OzApiError extends Error implements ConvertibleError {
  override readonly name = 'OzApiError';
  readonly httpStatus: number;
  readonly errorCode: number | null;
  readonly errorMessage: string | null;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    readonly httpStatus: number;
    readonly errorCode: number | null;
    readonly errorMessage: string | null;
    readonly details: unknown;
    readonly retryAfterSeconds?: number | null;
  }) {
    super(init.errorMessage ?? `Oz API answered HTTP ${init.httpStatus}`);
    this.httpStatus = init.httpStatus;
    this.errorCode = init.errorCode;
    this.errorMessage = init.errorMessage;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  get isAuthFailure(): boolean {
    return this.errorCode === OzErrorCode.authInvalid || this.errorCode === OzErrorCode.authExpired;
  }

  get isNotFound(): boolean {
    return this.errorCode === OzErrorCode.notExist || (this.errorCode === null && this.httpStatus === 404);
  }

  toAppError(): AppError {
    const details: Record<string, unknown> = {
      httpStatus: this.httpStatus,
      errorCode: this.errorCode,
      errorMessage: this.errorMessage,
      details: this.details,
    };
    if (this.retryAfterSeconds !== null) details['retryAfterSeconds'] = this.retryAfterSeconds;
    return { code: 'OZ_API', message: this.message, details };
  }
}

/**
 * The connection failed. `ambiguous` is true when the request may have reached the
 * server (failure after sending), so a non-idempotent call must be reconciled first.
 */
export class OzNetworkError extends Error implements ConvertibleError {
  override readonly name = 'OzNetworkError';
  readonly ambiguous: boolean;
  readonly causeCode: string | null;

  constructor(message: string, ambiguous: boolean, causeCode: string | null) {
    super(message);
    this.ambiguous = ambiguous;
    this.causeCode = causeCode;
  }

  toAppError(): AppError {
    return { code: 'NETWORK', message: this.message, details: { ambiguous: this.ambiguous, cause: this.causeCode } };
  }
}

/** No answer within the per-call timeout; the request may have been processed. */
export class OzTimeoutError extends Error implements ConvertibleError {
  override readonly name = 'OzTimeoutError';
  readonly ambiguous = true;
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`The Oz API did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    this.timeoutMs = timeoutMs;
  }

  toAppError(): AppError {
    return { code: 'TIMEOUT', message: this.message, details: { timeoutMs: this.timeoutMs, ambiguous: true } };
  }
}

/** A call needed a session but nobody is signed in. */
export class OzNotSignedInError extends Error implements ConvertibleError {
  override readonly name = 'OzNotSignedInError';

  constructor() {
    super('Not signed in to the Oz API.');
  }

  toAppError(): AppError {
    return { code: 'NOT_SIGNED_IN', message: this.message };
  }
}

/** The server answered 2xx with a body the client cannot read. */
export class OzResponseFormatError extends Error implements ConvertibleError {
  override readonly name = 'OzResponseFormatError';
  readonly path: string;

  constructor(path: string, issue: string) {
    super(`Unexpected response from the Oz API at ${path}: ${issue}`);
    this.path = path;
  }

  toAppError(): AppError {
    return { code: 'OZ_API', message: this.message, details: { path: this.path } };
  }
}

export function isOzApiError(err: unknown, errorCode?: number): err is OzApiError {
  return err instanceof OzApiError && (errorCode === undefined || err.errorCode === errorCode);
}
