import { checkMediaUrl, parseServerLink } from './media-origin.js';
import { OzApiError, OzNetworkError, OzTimeoutError } from './oz-api-error.js';
import { certificateProblemOf } from './oz-certificate-error.js';
import { isOzRefusal, OzOriginError } from './oz-refusals.js';
import { readBody, RESPONSE_LIMITS } from './read-body.js';
import { isRedirect, redirectTarget } from './redirects.js';
import { networkFailureText } from './network-failure-text.js';

export type FetchImpl = typeof fetch;
export type QueryValue = string | number | boolean | undefined;

export interface OzRequest {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** A path under the base URL, or an absolute URL on the same origin. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly token?: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly responseType?: 'json' | 'bytes';
  /** A GET of a media URL on another origin: no token, no cookies (see media-origin.ts). */
  readonly anonymous?: boolean;
}

export interface OzResponse {
  readonly status: number;
  readonly body: unknown;
  readonly bytes: Uint8Array | null;
  readonly contentType: string | null;
}

export const TOKEN_HEADER = 'X-Forensic-Access-Token';

// Failures that happen before any byte of the request left this machine.
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Plain HTTP to the Oz API: timeouts, error envelopes, no auth logic. A hostile server
 * cannot redirect the token elsewhere (redirects are handled here, never by fetch) nor
 * exhaust memory (bodies are read as streams under named limits).
 */
export class OzHttp {
  readonly baseUrl: URL;
  readonly #fetch: FetchImpl;
  readonly #timeoutMs: number;

  constructor(opts: { readonly baseUrl: string; readonly fetchImpl?: FetchImpl; readonly timeoutMs?: number }) {
    this.baseUrl = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    this.#fetch = opts.fetchImpl ?? fetch;
    this.#timeoutMs = opts.timeoutMs ?? 30_000;
  }

  resolve(path: string, query?: Readonly<Record<string, QueryValue>>, anonymous = false): URL {
    // Absolute URLs come from the server (media links); our own paths are relative to the base.
    const url = /^https?:\/\//i.test(path) ? parseServerLink(path, this.baseUrl) : new URL(path.replace(/^\/+/, ''), this.baseUrl);
    // The token must never travel to another host, even if a server hands out such URLs.
    if (!anonymous && url.origin !== this.baseUrl.origin) throw new OzOriginError(url.origin, this.baseUrl.origin);
    if (anonymous) checkMediaUrl(url);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  async send(req: OzRequest): Promise<OzResponse> {
    if (req.anonymous === true && (req.method !== 'GET' || req.token !== undefined)) {
      throw new Error('Only a GET without credentials may go to a media origin.');
    }
    const url = this.resolve(req.path, req.query, req.anonymous === true);
    const timeoutMs = req.timeoutMs ?? this.#timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort(req.signal?.reason);
    if (req.signal?.aborted) onCallerAbort();
    else req.signal?.addEventListener('abort', onCallerAbort, { once: true });

    const headers: Record<string, string> = { Accept: 'application/json' };
    if (req.token !== undefined) headers[TOKEN_HEADER] = req.token;
    let body: string | FormData | undefined;
    if (req.form !== undefined) body = req.form;
    else if (req.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.json);
    }

    let sent = false;
    try {
      const init: RequestInit & { method: string } = { method: req.method, headers, body, signal: controller.signal };
      if (req.anonymous === true) init.credentials = 'omit';
      const res = await this.#fetchFollowingSameOrigin(url, init);
      sent = true;
      return await receive(res, url.pathname, req.responseType);
    } catch (err) {
      if (err instanceof OzApiError || isOzRefusal(err)) throw err;
      if (timedOut) throw new OzTimeoutError(timeoutMs);
      if (req.signal?.aborted) throw req.signal.reason ?? err;
      throw certificateProblemOf(err) ?? toNetworkError(err, sent, url);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  // `redirect: 'manual'`: fetch must never carry the token to wherever a server points.
  async #fetchFollowingSameOrigin(start: URL, init: RequestInit & { readonly method: string }): Promise<Response> {
    let url = start;
    for (let hops = 0; ; hops += 1) {
      const res = await this.#fetch(url, { ...init, redirect: 'manual' });
      if (!isRedirect(res)) return res;
      await res.body?.cancel().catch(() => undefined);
      url = redirectTarget(res, url, init.method, hops);
    }
  }
}

async function receive(res: Response, path: string, responseType: OzRequest['responseType']): Promise<OzResponse> {
  const contentType = res.headers.get('content-type');
  if (!res.ok) {
    // Only the envelope matters; a huge error body is cut, so a 5xx stays retryable.
    const { bytes } = await readBody(res, path, RESPONSE_LIMITS.error, 'truncate');
    throw toApiError(res.status, parseBody(new TextDecoder().decode(bytes)), res.headers.get('retry-after'));
  }
  if (responseType === 'bytes') {
    const { bytes } = await readBody(res, path, RESPONSE_LIMITS.image);
    return { status: res.status, body: null, bytes, contentType };
  }
  const { bytes } = await readBody(res, path, RESPONSE_LIMITS.json);
  return { status: res.status, body: parseBody(new TextDecoder().decode(bytes)), bytes: null, contentType };
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(status: number, body: unknown, retryAfter: string | null): OzApiError {
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = envelope['error_code'];
  const message = envelope['error_message'];
  return new OzApiError({
    httpStatus: status,
    errorCode: typeof code === 'number' ? code : null,
    errorMessage: typeof message === 'string' ? message : typeof body === 'string' ? body.slice(0, 200) : null,
    details: envelope['details'] ?? null,
    retryAfterSeconds: parseRetryAfter(retryAfter),
  });
}

export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function causeCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const rec = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof rec.code === 'string') return rec.code;
    if (Array.isArray(rec.errors) && rec.errors.length > 0) current = rec.errors[0];
    else current = rec.cause;
  }
  return null;
}

function toNetworkError(err: unknown, responseStarted: boolean, url: URL): OzNetworkError {
  const code = causeCode(err);
  const beforeSending = !responseStarted && code !== null && CONNECT_FAILURES.has(code);
  return new OzNetworkError(networkFailureText(code, url, beforeSending), !beforeSending, code);
}
