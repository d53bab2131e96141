// The envelope every IPC/WebSocket call returns: errors are values, never throws across
// a process boundary.
export type ErrorCode =
  | 'BAD_INPUT'
  | 'FORBIDDEN'
  | 'UNKNOWN_CHANNEL'
  | 'NOT_SIGNED_IN'
  | 'OZ_API'
  | 'NETWORK'
  | 'CERTIFICATE'
  | 'TIMEOUT'
  | 'CONFIG'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
