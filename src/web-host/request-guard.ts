import type { IncomingHttpHeaders } from 'node:http';
import { tokensEqual } from './token.js';

/** What the guard needs to know about the running host. */
export interface GuardConfig {
  readonly token: string;
  readonly port: number;
  readonly cookieName: string;
}

export type GuardVerdict =
  | { readonly allowed: true; readonly tokenFromQuery: boolean }
  | { readonly allowed: false; readonly reason: string };

/** Cookies are shared across ports of one host name, so the cookie name carries the port. */
export function cookieNameFor(port: number): string {
  return `enroll_desk_token_${port}`;
}

export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function queryToken(rawUrl: string | undefined): string | undefined {
  const value = new URL(rawUrl ?? '/', 'http://placeholder').searchParams.get('token');
  return value ?? undefined;
}

/**
 * The checks every HTTP request and WebSocket upgrade passes: the Host header names this
 * loopback port (defeats DNS rebinding) and the token arrives in the query or the cookie.
 */
export function checkRequest(config: GuardConfig, rawUrl: string | undefined, headers: IncomingHttpHeaders): GuardVerdict {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts(config.port).includes(host)) return { allowed: false, reason: 'Host not allowed' };
  const fromQuery = queryToken(rawUrl);
  if (fromQuery !== undefined) {
    return tokensEqual(config.token, fromQuery)
      ? { allowed: true, tokenFromQuery: true }
      : { allowed: false, reason: 'Invalid token' };
  }
  const fromCookie = readCookie(headers.cookie, config.cookieName);
  if (tokensEqual(config.token, fromCookie)) return { allowed: true, tokenFromQuery: false };
  return { allowed: false, reason: fromCookie === undefined ? 'Missing token' : 'Invalid token' };
}

/** A WebSocket must also come from a page this host served (browsers always send Origin). */
export function checkUpgrade(config: GuardConfig, rawUrl: string | undefined, headers: IncomingHttpHeaders): GuardVerdict {
  const verdict = checkRequest(config, rawUrl, headers);
  if (!verdict.allowed) return verdict;
  const origin = headers.origin?.toLowerCase();
  const ownOrigins = allowedHosts(config.port).map((h) => `http://${h}`);
  if (!origin || !ownOrigins.includes(origin)) return { allowed: false, reason: 'Origin not allowed' };
  return verdict;
}
