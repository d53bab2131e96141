import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why a server URL is refused, or null when it is acceptable. */
export function serverUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a valid URL. Example: https://api.example-oz.com';
  }
  if (url.username || url.password) return 'The server URL must not contain a user name or password.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:') return 'The server URL must use https:// (plain http is allowed only for this computer, e.g. http://127.0.0.1).';
  return `Unsupported scheme "${url.protocol}". Use https://.`;
}

/** An Oz API base URL: https, or http on a loopback address; normalised without a trailing slash. */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .superRefine((raw, ctx) => {
    const problem = serverUrlProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((raw) => raw.replace(/\/+$/, ''));
