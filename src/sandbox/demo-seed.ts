import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomPassword } from './auth/password.js';
import type { CollectionsRepo } from './store/collections-repo.js';
import type { UsersRepo } from './store/users-repo.js';

export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly companyId: string;
  readonly companyName: string;
  readonly collectionId: string;
}

export const demoEmail = 'admin@demo.bank';
const demoCompany = 'Demo Bank';
const demoCollection = 'demo-watchlist';
const credentialsFile = 'demo-credentials.json';

// The password is random per data folder and kept there, so a restart keeps it.
function demoPassword(dataDir: string | null): { readonly password: string; readonly fresh: boolean } {
  if (dataDir === null) return { password: randomPassword(), fresh: true };
  const file = join(dataDir, credentialsFile);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { password?: unknown };
    if (typeof stored.password === 'string') return { password: stored.password, fresh: false };
  }
  const password = randomPassword();
  writeFileSync(file, `${JSON.stringify({ email: demoEmail, password }, null, 2)}\n`, { mode: 0o600 });
  return { password, fresh: true };
}

// Idempotent: reuses the company, user and collection a previous start created.
export function seedDemo(users: UsersRepo, collections: CollectionsRepo, dataDir: string | null): DemoAccount {
  const company = users.companyByName(demoCompany) ?? users.createCompany(demoCompany);
  const { password, fresh } = demoPassword(dataDir);
  const existing = users.userByEmail(demoEmail);
  if (existing === null) {
    users.createUser({ email: demoEmail, password, userType: 'CLIENT', companyId: company.company_id, isAdmin: true });
  } else if (fresh) {
    users.setPassword(existing.user_id, password);
  }
  const collection =
    collections.findByAlias(company.company_id, demoCollection) ??
    collections.create(demoCollection, company.company_id, null);
  return {
    email: demoEmail,
    password,
    companyId: company.company_id,
    companyName: company.name,
    collectionId: collection.collection_id,
  };
}
