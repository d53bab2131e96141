import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-start access token: 32 random bytes, base64url. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal so length leaks nothing. */
export function tokensEqual(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(a, b);
}
