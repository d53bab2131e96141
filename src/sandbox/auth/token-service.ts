import { randomBytes } from 'node:crypto';
import { OzError, OzErrorCode } from '../errors.js';
import type { SandboxDb } from '../store/database.js';
import type { UsersRepo } from '../store/users-repo.js';
import { verifyPassword } from './password.js';
import { principalOf, userJson, type Principal } from './principal.js';

interface TokenRow {
  readonly access_token: string;
  readonly expire_token: string;
  readonly user_id: string;
  readonly issued_at_ms: number;
  readonly access_expires_at_ms: number;
  readonly refresh_expires_at_ms: number;
  readonly parent_access_token: string | null;
  readonly revoked: number;
}

export interface TokenPairJson {
  readonly access_token: string;
  readonly expire_token: string;
  readonly expire_date: number;
  readonly user: Record<string, unknown>;
}

// Our choice: the expire_token outlives the access token so a client can refresh after
// a (forced) expiry; it lasts at least a day.
const minRefreshTtlMs = 24 * 3600 * 1000;

const newToken = (): string => randomBytes(24).toString('base64url');

export class TokenService {
  constructor(
    private readonly db: SandboxDb,
    private readonly users: UsersRepo,
    private readonly ttlMs: number,
    // Start of the current forced-expiry window (fault injection); tokens issued before it are expired.
    private readonly forcedExpiryBoundaryMs: () => number | null,
  ) {}

  login(email: string, password: string): TokenPairJson {
    const user = this.users.userByEmail(email);
    if (user === null || !verifyPassword(password, user.password_hash)) {
      throw new OzError(OzErrorCode.invalidValue, 'invalid credentials', null, 401);
    }
    return this.issue(principalOf(user), null);
  }

  refresh(accessToken: string | undefined, expireToken: string): TokenPairJson {
    if (accessToken === undefined) {
      throw new OzError(OzErrorCode.authNotProvided, 'access token not provided');
    }
    const row = this.row(accessToken);
    if (row === null || row.revoked === 1 || row.expire_token !== expireToken) {
      throw new OzError(OzErrorCode.authInvalid, 'invalid token pair');
    }
    if (row.refresh_expires_at_ms <= Date.now()) {
      throw new OzError(OzErrorCode.authExpired, 'expire_token has expired');
    }
    return this.issue(this.principal(row.user_id), row.access_token);
  }

  // Validates the token, slides its expiry and retires the pair it was refreshed from.
  authenticate(accessToken: string | undefined): Principal {
    if (accessToken === undefined || accessToken === '') {
      throw new OzError(OzErrorCode.authNotProvided, 'access token not provided');
    }
    const row = this.row(accessToken);
    if (row === null || row.revoked === 1) {
      throw new OzError(OzErrorCode.authInvalid, 'access token is invalid');
    }
    const now = Date.now();
    const boundary = this.forcedExpiryBoundaryMs();
    if (row.access_expires_at_ms <= now || (boundary !== null && row.issued_at_ms < boundary)) {
      throw new OzError(OzErrorCode.authExpired, 'access token has expired');
    }
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE tokens SET access_expires_at_ms = ? WHERE access_token = ?')
        .run(now + this.ttlMs, accessToken);
      if (row.parent_access_token !== null) this.revokeAncestors(row);
    })();
    return this.principal(row.user_id);
  }

  expireAll(): void {
    this.db.prepare('UPDATE tokens SET access_expires_at_ms = ?').run(Date.now() - 1);
  }

  private revokeAncestors(row: TokenRow): void {
    let parent = row.parent_access_token;
    while (parent !== null) {
      const parentRow = this.row(parent);
      this.db.prepare('UPDATE tokens SET revoked = 1, parent_access_token = NULL WHERE access_token = ?').run(parent);
      parent = parentRow?.parent_access_token ?? null;
    }
    this.db.prepare('UPDATE tokens SET parent_access_token = NULL WHERE access_token = ?').run(row.access_token);
  }

  private issue(principal: Principal, parent: string | null): TokenPairJson {
    const now = Date.now();
    const access = newToken();
    const expire = newToken();
    const accessExpires = now + this.ttlMs;
    this.db
      .prepare(
        `INSERT INTO tokens (access_token, expire_token, user_id, issued_at_ms, access_expires_at_ms,
           refresh_expires_at_ms, parent_access_token) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(access, expire, principal.userId, now, accessExpires, now + Math.max(minRefreshTtlMs, this.ttlMs), parent);
    return { access_token: access, expire_token: expire, expire_date: accessExpires / 1000, user: userJson(principal) };
  }

  private principal(userId: string): Principal {
    const user = this.users.user(userId);
    if (user === null) throw new OzError(OzErrorCode.authInvalid, 'access token is invalid');
    return principalOf(user);
  }

  private row(accessToken: string): TokenRow | null {
    const row = this.db.prepare('SELECT * FROM tokens WHERE access_token = ?').get(accessToken) as TokenRow | undefined;
    return row ?? null;
  }
}
