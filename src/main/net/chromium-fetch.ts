import type { Session } from 'electron';
import { OzRedirectError, type FetchImpl } from '../../core/oz/index.js';

/**
 * The session Oz requests use: its own in-memory partition, so the renderer's network
 * lockdown on the default session does not apply and no cookie or cache is kept on disk.
 */
export const OZ_API_PARTITION = 'oz-api';

/**
 * The Oz client's fetch in the desktop app: Chromium's network stack (`session.fetch`),
 * which brings the system and PAC proxy settings, integrated proxy authentication and the
 * OS trust store (where IT installs the bank's root CA). Cookies are never sent.
 */
export function chromiumFetch(ozSession: Pick<Session, 'fetch'>): FetchImpl {
  const fetchViaChromium = async (input: Parameters<FetchImpl>[0], init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    try {
      return await ozSession.fetch(url, { ...init, credentials: 'omit', bypassCustomProtocolHandlers: true });
    } catch (err) {
      // Older Electron cancels a `redirect: 'manual'` request instead of returning the 3xx.
      if (init?.redirect === 'manual' && /redirect was cancelled/i.test(String((err as Error).message))) {
        throw new OzRedirectError(new URL(url).origin, null, 0, { cause: err });
      }
      throw err;
    }
  };
  return fetchViaChromium as FetchImpl;
}
