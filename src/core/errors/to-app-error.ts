import type { AppError } from '../../shared/result.js';

/** Errors that already know how to present themselves across IPC. */
export interface ConvertibleError {
  toAppError(): AppError;
}

function isConvertible(err: unknown): err is ConvertibleError {
  return typeof err === 'object' && err !== null && typeof (err as ConvertibleError).toAppError === 'function';
}

/** Maps anything thrown by a service to a serialisable AppError (no stacks, no secrets). */
export function toAppError(err: unknown): AppError {
  if (isConvertible(err)) return err.toAppError();
  if (err instanceof Error && err.name === 'AbortError') return { code: 'TIMEOUT', message: 'The operation was cancelled or timed out.' };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : 'Unexpected error' };
}
