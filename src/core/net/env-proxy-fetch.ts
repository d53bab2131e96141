import { Agent, EnvHttpProxyAgent, FormData as UndiciFormData, fetch as undiciFetch, type Dispatcher } from 'undici';
import { isLoopbackHost } from '../../shared/domain/server-url.js';
import type { FetchImpl } from '../oz/index.js';

type UndiciInput = Parameters<typeof undiciFetch>[0];
type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

/**
 * The Oz client's fetch for the CLI and browser mode: undici with `EnvHttpProxyAgent`, so
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lower-case forms) route the traffic as on
 * any bank desk; this computer's own addresses (the embedded sandbox) always go direct.
 * Certificates are checked against Node's trust store, which includes the PEM file named
 * by NODE_EXTRA_CA_CERTS (Node reads it at start-up). The Electron app uses Chromium's
 * network stack instead (main/net).
 */
export function envProxyFetch(): FetchImpl {
  const viaEnvironment = new EnvHttpProxyAgent();
  const direct = new Agent();
  return undiciFetchVia((url) => (isLoopbackHost(url.hostname) ? direct : viaEnvironment));
}

/** undici's fetch with the dispatcher `route` picks per URL, typed as the platform fetch. */
export function undiciFetchVia(route: (url: URL) => Dispatcher): FetchImpl {
  // undici's fetch is the same WHATWG fetch as the global one, under its own type names.
  const fetchVia = (input: Parameters<FetchImpl>[0], init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body instanceof FormData ? asUndiciForm(init.body) : init?.body;
    return undiciFetch(input as UndiciInput, { ...(init as UndiciInit), body: body as UndiciInit['body'], dispatcher: route(url) }) as unknown as Promise<Response>;
  };
  return fetchVia as FetchImpl;
}

// undici recognises only its own FormData class as multipart; the platform's would be sent as text.
function asUndiciForm(form: FormData): UndiciFormData {
  const out = new UndiciFormData();
  for (const [name, value] of form) {
    if (typeof value === 'string') out.append(name, value);
    else out.append(name, value, value.name);
  }
  return out;
}
