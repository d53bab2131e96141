import { generateToken, tokensEqual } from './token.js';

export type Exchange =
  | { readonly secret: string }
  | { readonly refused: 'used' | 'invalid' };

/**
 * Browser mode's one-time link: the URL token opens exactly one browser session. The first
 * load exchanges it for a fresh session secret (kept in an HttpOnly cookie); from then on
 * the token is spent, so a copied or replayed link (history, logs, shoulder-surfing) opens
 * nothing, and only the secret in that browser's cookie is admitted.
 */
export class SessionGate {
  readonly #token: string;
  #secret: string | null = null;

  constructor(token: string) {
    this.#token = token;
  }

  exchange(candidate: string): Exchange {
    if (!tokensEqual(this.#token, candidate)) return { refused: 'invalid' };
    if (this.#secret !== null) return { refused: 'used' };
    this.#secret = generateToken();
    return { secret: this.#secret };
  }

  admits(cookieSecret: string | undefined): boolean {
    return this.#secret !== null && tokensEqual(this.#secret, cookieSecret);
  }
}
