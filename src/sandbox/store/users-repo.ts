import { randomUUID } from 'node:crypto';
import type { SandboxDb } from './database.js';
import { hashPassword } from '../auth/password.js';

export type UserType = 'ADMIN' | 'CLIENT';

export interface UserRow {
  readonly user_id: string;
  readonly email: string;
  readonly password_hash: string;
  readonly user_type: UserType;
  readonly company_id: string | null;
  readonly is_admin: number;
}

export interface CompanyRow {
  readonly company_id: string;
  readonly name: string;
}

export interface NewUser {
  readonly email: string;
  readonly password: string;
  readonly userType: UserType;
  readonly companyId: string | null;
  readonly isAdmin: boolean;
}

export class UsersRepo {
  constructor(private readonly db: SandboxDb) {}

  createCompany(name: string): CompanyRow {
    const row: CompanyRow = { company_id: randomUUID(), name };
    this.db.prepare('INSERT INTO companies (company_id, name) VALUES (?, ?)').run(row.company_id, name);
    return row;
  }

  company(companyId: string): CompanyRow | null {
    const row = this.db
      .prepare('SELECT company_id, name FROM companies WHERE company_id = ?')
      .get(companyId) as CompanyRow | undefined;
    return row ?? null;
  }

  companyByName(name: string): CompanyRow | null {
    const row = this.db
      .prepare('SELECT company_id, name FROM companies WHERE name = ? ORDER BY seq LIMIT 1')
      .get(name) as CompanyRow | undefined;
    return row ?? null;
  }

  // search_text is a case-insensitive substring; LIKE wildcards in the text are literal.
  searchCompanies(searchText: string, onlyCompanyId: string | null): readonly CompanyRow[] {
    const pattern = `%${searchText.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT company_id, name FROM companies
         WHERE name LIKE ? ESCAPE '\\' AND (? IS NULL OR company_id = ?) ORDER BY seq`,
      )
      .all(pattern, onlyCompanyId, onlyCompanyId) as CompanyRow[];
    return rows;
  }

  createUser(input: NewUser): UserRow {
    if (input.userType === 'CLIENT' && input.companyId === null) {
      throw new Error('a CLIENT user needs a companyId');
    }
    if (input.companyId !== null && this.company(input.companyId) === null) {
      throw new Error(`company ${input.companyId} does not exist`);
    }
    if (this.userByEmail(input.email) !== null) {
      throw new Error(`a user with email ${input.email} already exists`);
    }
    const row: UserRow = {
      user_id: randomUUID(),
      email: input.email,
      password_hash: hashPassword(input.password),
      user_type: input.userType,
      company_id: input.companyId,
      is_admin: input.isAdmin ? 1 : 0,
    };
    this.db
      .prepare(
        `INSERT INTO users (user_id, email, password_hash, user_type, company_id, is_admin)
         VALUES (@user_id, @email, @password_hash, @user_type, @company_id, @is_admin)`,
      )
      .run(row);
    return row;
  }

  setPassword(userId: string, password: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE user_id = ?').run(hashPassword(password), userId);
  }

  userByEmail(email: string): UserRow | null {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
    return row ?? null;
  }

  user(userId: string): UserRow | null {
    const row = this.db.prepare('SELECT * FROM users WHERE user_id = ?').get(userId) as UserRow | undefined;
    return row ?? null;
  }
}
