import { OzNetworkError, OzTimeoutError } from '../../oz/index.js';

/** Why the server could not be reached, or null when the error is something else (a refusal, a bug). */
export function unreachableReason(err: unknown): string | null {
  if (err instanceof OzNetworkError || err instanceof OzTimeoutError) return err.message;
  return null;
}
