import type { IncomingHttpHeaders } from 'node:http';
import type { SessionGate } from './session-gate.js';

/** What the guard needs to know about the running host. */
export interface GuardConfig {
  readonly gate: SessionGate;
  readonly port: number;
  readonly cookieName: string;
}

export type GuardVerdict =
  /** `newSecret`: the one-time token was just exchanged; set it as the cookie and drop the token from the address. */
  | { readonly allowed: true; readonly newSecret: string | null }
  | { readonly allowed: false; readonly reason: string };

export const USED_LINK_REASON =
  'This one-time link was already used. Go back to the browser tab where the desk is open, or restart browser mode for a new link.';

/** Cookies are shared across ports of one host name, so the cookie name carries the port. */
export function cookieNameFor(port: number): string {
  return `enroll_desk_session_${port}`;
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

const hostAllowed = (config: GuardConfig, headers: IncomingHttpHeaders): boolean => {
  const host = headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(config.port).includes(host);
};

function cookieVerdict(config: GuardConfig, headers: IncomingHttpHeaders): GuardVerdict {
  const fromCookie = readCookie(headers.cookie, config.cookieName);
  if (config.gate.admits(fromCookie)) return { allowed: true, newSecret: null };
  return { allowed: false, reason: fromCookie === undefined ? 'Missing token' : 'Invalid token' };
}

/**
 * The checks every HTTP request passes: the Host header names this loopback port (defeats
 * DNS rebinding), and either the one-time token arrives in the query (exchanged once for
 * the session secret) or the session secret arrives in the cookie.
 */
export function checkRequest(config: GuardConfig, rawUrl: string | undefined, headers: IncomingHttpHeaders): GuardVerdict {
  if (!hostAllowed(config, headers)) return { allowed: false, reason: 'Host not allowed' };
  const fromQuery = queryToken(rawUrl);
  if (fromQuery === undefined) return cookieVerdict(config, headers);
  const exchanged = config.gate.exchange(fromQuery);
  if ('secret' in exchanged) return { allowed: true, newSecret: exchanged.secret };
  return { allowed: false, reason: exchanged.refused === 'used' ? USED_LINK_REASON : 'Invalid token' };
}

/** A WebSocket needs the session cookie (never the link token) and must come from a page this host served. */
export function checkUpgrade(config: GuardConfig, rawUrl: string | undefined, headers: IncomingHttpHeaders): GuardVerdict {
  if (!hostAllowed(config, headers)) return { allowed: false, reason: 'Host not allowed' };
  if (queryToken(rawUrl) !== undefined) return { allowed: false, reason: 'The link token opens the page only' };
  const verdict = cookieVerdict(config, headers);
  if (!verdict.allowed) return verdict;
  const origin = headers.origin?.toLowerCase();
  const ownOrigins = allowedHosts(config.port).map((h) => `http://${h}`);
  if (!origin || !ownOrigins.includes(origin)) return { allowed: false, reason: 'Origin not allowed' };
  return verdict;
}
