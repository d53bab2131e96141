import { createOzClient, type FetchImpl, type OzClient } from '../oz/index.js';

export interface OzCredentials {
  readonly serverUrl: string;
  readonly email: string;
  readonly password: string;
}

/** A signed-in connection to an Oz server; tokens live inside it, in memory only. */
export interface OzConnection {
  readonly client: OzClient;
  close(): void;
}

/** Signs in and returns a connection; throws the client's typed errors on failure. */
export type OzConnector = (credentials: OzCredentials) => Promise<OzConnection>;

/** Connections over the host's network stack (Chromium in the app, undici with the proxy environment elsewhere). */
export function ozConnector(fetchImpl?: FetchImpl): OzConnector {
  return async ({ serverUrl, email, password }) => {
    const { client, session } = createOzClient({ baseUrl: serverUrl, email, password, ...(fetchImpl ? { fetchImpl } : {}) });
    await session.signIn();
    return { client, close: () => session.signOut() };
  };
}
