import { z } from 'zod';

/**
 * Which server and account a piece of desk data belongs to: queue items, the read-only
 * cache, the enrolled-photo record, deletion jobs and the chosen collection. Data made
 * under one scope is shown and sent under that scope only.
 */
export interface DeskScope {
  /** The server's base URL (normalised), or LOCAL_SANDBOX_SERVER for the embedded one. */
  readonly server: string;
  /** The account's e-mail, lower case. */
  readonly account: string;
}

/** The embedded training sandbox listens on a new port each launch: one stable name for it. */
export const LOCAL_SANDBOX_SERVER = 'local-sandbox';

export const deskScopeSchema = z.object({ server: z.string().min(1).max(2048), account: z.string().min(1).max(320) }).strict();

/** The scope of a sign-in: a URL differing only in case of host or a trailing slash is the same server. */
export function deskScopeOf(serverUrl: string, email: string, isLocalSandbox = false): DeskScope {
  return { server: isLocalSandbox ? LOCAL_SANDBOX_SERVER : normaliseServer(serverUrl), account: email.trim().toLowerCase() };
}

export function sameScope(a: DeskScope | null, b: DeskScope | null): boolean {
  return a !== null && b !== null && a.server === b.server && a.account === b.account;
}

/** One string per scope, e.g. for a map key or a stored stamp. */
export const scopeKey = (s: DeskScope): string => `${s.account} ${s.server}`;

function normaliseServer(serverUrl: string): string {
  try {
    const url = new URL(serverUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return serverUrl.trim().replace(/\/+$/, '');
  }
}
