import { InvalidArgumentError } from 'commander';
import { serverUrlProblem } from '../shared/domain/server-url.js';
import { envProxyFetch } from '../core/net/env-proxy-fetch.js';
import { createOzClient } from '../core/oz/index.js';

export const SERVER_FLAGS = '--server <url>';

/** Commander's parser for --server: the desk's one server-URL rule (https, or http on loopback), before any connection. */
export function parseServerUrl(value: string): string {
  const problem = serverUrlProblem(value);
  if (problem !== null) throw new InvalidArgumentError(problem);
  return value.trim().replace(/\/+$/, '');
}

/** The CLI's Oz client: undici through HTTPS_PROXY/NO_PROXY, trusting NODE_EXTRA_CA_CERTS. */
export function cliOzClient(credentials: { readonly server: string; readonly email: string; readonly password: string }): ReturnType<typeof createOzClient> {
  return createOzClient({ baseUrl: credentials.server, email: credentials.email, password: credentials.password, fetchImpl: envProxyFetch() });
}
