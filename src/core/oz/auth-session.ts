import { OzApiError, OzNotSignedInError, OzResponseFormatError } from './oz-api-error.js';
import type { OzHttp } from './oz-http.js';
import { ozPaths } from './paths.js';
import { loginResponseSchema } from './schemas.js';
import type { OzUser } from './types.js';

export interface AuthSessionOptions {
  readonly http: OzHttp;
  readonly email: string;
  readonly password: string;
  /** Milliseconds since the epoch; injectable so expiry can be tested. */
  readonly now?: () => number;
  /** Refresh this long before `expire_date`. */
  readonly refreshLeewaySeconds?: number;
}

export interface AuthStats {
  readonly signIns: number;
  readonly refreshes: number;
  readonly reLogins: number;
}

interface Tokens {
  readonly access: string;
  readonly expire: string;
  /** When to refresh proactively; null when the server gave no expiry. */
  readonly refreshAtMs: number | null;
}

/**
 * Owns the Oz tokens (memory only, in private fields so they never reach a log or a
 * caller). Refreshes before expiry, and on codes 7/8 refreshes once, else signs in again
 * with the stored credentials and retries the call once. Concurrent callers share one
 * refresh/sign-in.
 */
export class AuthSession {
  readonly #http: OzHttp;
  readonly #now: () => number;
  readonly #leewayMs: number;
  #credentials: { readonly email: string; readonly password: string } | null;
  #tokens: Tokens | null = null;
  #user: OzUser | null = null;
  #renewal: Promise<string> | null = null;
  #generation = 0;
  #stats = { signIns: 0, refreshes: 0, reLogins: 0 };

  constructor(opts: AuthSessionOptions) {
    this.#http = opts.http;
    this.#now = opts.now ?? Date.now;
    this.#leewayMs = (opts.refreshLeewaySeconds ?? 30) * 1000;
    this.#credentials = { email: opts.email, password: opts.password };
  }

  get signedIn(): boolean {
    return this.#tokens !== null;
  }

  get user(): OzUser | null {
    return this.#user;
  }

  stats(): AuthStats {
    return { ...this.#stats };
  }

  /** Signs in with the stored credentials; throws OzApiError when they are refused. */
  async signIn(signal?: AbortSignal): Promise<OzUser> {
    if (this.#credentials === null) throw new OzNotSignedInError();
    await this.#login(this.#generation, signal);
    return this.#user as OzUser;
  }

  /** Forgets tokens and credentials; later calls fail with NOT_SIGNED_IN. */
  signOut(): void {
    this.#generation += 1;
    this.#credentials = null;
    this.#tokens = null;
    this.#user = null;
    this.#renewal = null;
  }

  /** Runs an authenticated call, recovering transparently from an expired/invalid token once. */
  async call<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.#validToken();
    try {
      return await fn(token);
    } catch (err) {
      if (!(err instanceof OzApiError) || !err.isAuthFailure) throw err;
      return fn(await this.#renew(token));
    }
  }

  // Renewals are shared, so they run without any one caller's abort signal.
  async #validToken(): Promise<string> {
    const tokens = this.#tokens;
    if (tokens === null) {
      if (this.#credentials === null) throw new OzNotSignedInError();
      return this.#renew(null);
    }
    if (tokens.refreshAtMs !== null && this.#now() >= tokens.refreshAtMs) {
      return this.#renew(tokens.access);
    }
    return tokens.access;
  }

  /** One renewal at a time; a caller holding an already-replaced token just takes the new one. */
  #renew(staleToken: string | null): Promise<string> {
    const current = this.#tokens?.access ?? null;
    if (current !== null && current !== staleToken) return Promise.resolve(current);
    if (this.#renewal === null) {
      const generation = this.#generation;
      const renewal = this.#refreshOrLogin(generation).finally(() => {
        if (this.#renewal === renewal) this.#renewal = null;
      });
      this.#renewal = renewal;
    }
    return this.#renewal;
  }

  async #refreshOrLogin(generation: number): Promise<string> {
    const tokens = this.#tokens;
    if (tokens !== null) {
      try {
        const res = await this.#http.send({
          method: 'POST',
          path: ozPaths.refresh(),
          json: { expire_token: tokens.expire },
          token: tokens.access,
        });
        const parsed = loginResponseSchema.safeParse(res.body);
        if (parsed.success) {
          this.#stats.refreshes += 1;
          return this.#store(generation, parsed.data);
        }
      } catch (err) {
        // A refused refresh falls through to a fresh sign-in; transport failures do not.
        if (!(err instanceof OzApiError)) throw err;
      }
    }
    return this.#login(generation);
  }

  async #login(generation: number, signal?: AbortSignal): Promise<string> {
    const credentials = this.#credentials;
    if (credentials === null) throw new OzNotSignedInError();
    const hadSession = this.#stats.signIns > 0;
    let body: unknown;
    try {
      const res = await this.#http.send({
        method: 'POST',
        path: ozPaths.login(),
        json: { credentials: { email: credentials.email, password: credentials.password } },
        signal,
      });
      body = res.body;
    } catch (err) {
      if (err instanceof OzApiError && generation === this.#generation) this.#tokens = null;
      throw err;
    }
    const parsed = loginResponseSchema.safeParse(body);
    if (!parsed.success) throw new OzResponseFormatError(ozPaths.login(), 'no access_token/expire_token');
    this.#stats.signIns += 1;
    if (hadSession) this.#stats.reLogins += 1;
    const token = this.#store(generation, parsed.data);
    this.#user = parsed.data.user;
    return token;
  }

  // The leeway shrinks for short-lived tokens so they are not refreshed before every call.
  #refreshAt(expireDate: number | null): number | null {
    if (expireDate === null) return null;
    const expireMs = expireDate * 1000;
    const lifetimeMs = Math.max(0, expireMs - this.#now());
    return expireMs - Math.min(this.#leewayMs, lifetimeMs / 5);
  }

  #store(
    generation: number,
    data: { readonly accessToken: string; readonly expireToken: string; readonly expireDate: number | null },
  ): string {
    if (generation !== this.#generation) throw new OzNotSignedInError();
    this.#tokens = { access: data.accessToken, expire: data.expireToken, refreshAtMs: this.#refreshAt(data.expireDate) };
    return data.accessToken;
  }
}
