import { envProxyFetch } from '../core/net/env-proxy-fetch.js';
import { createOzClient } from '../core/oz/index.js';

/** The CLI's Oz client: undici through HTTPS_PROXY/NO_PROXY, trusting NODE_EXTRA_CA_CERTS. */
export function cliOzClient(credentials: { readonly server: string; readonly email: string; readonly password: string }): ReturnType<typeof createOzClient> {
  return createOzClient({ baseUrl: credentials.server, email: credentials.email, password: credentials.password, fetchImpl: envProxyFetch() });
}
