import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Modest cost: the sandbox is a local training/test server, logins must stay fast in tests.
const cost = { N: 4096, r: 8, p: 1 } as const;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, cost);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || saltText === undefined || hashText === undefined) return false;
  const expected = Buffer.from(hashText, 'base64');
  const actual = scryptSync(password, Buffer.from(saltText, 'base64'), expected.length, cost);
  return timingSafeEqual(actual, expected);
}

export const randomPassword = (): string => randomBytes(12).toString('base64url');
