import { startSandbox, type RunningSandbox, type SandboxOptions } from '../index.js';
import { OzTestClient } from './oz-test-client.js';

export interface Fixture {
  readonly sandbox: RunningSandbox;
  readonly companyA: string;
  readonly companyB: string;
  readonly collectionA: string;
  readonly collectionB: string;
  // CLIENT is_admin of company A / CLIENT of company A / CLIENT is_admin of company B / ADMIN.
  readonly adminA: OzTestClient;
  readonly clientA: OzTestClient;
  readonly adminB: OzTestClient;
  readonly root: OzTestClient;
  anonymous(): OzTestClient;
}

const password = 'correct horse';

async function loggedIn(sandbox: RunningSandbox, email: string): Promise<OzTestClient> {
  const client = new OzTestClient(sandbox.url);
  const response = await client.login(email, password);
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${JSON.stringify(response.body)}`);
  return client;
}

export async function startFixture(options: SandboxOptions = {}): Promise<Fixture> {
  const sandbox = await startSandbox(options);
  const a = sandbox.createCompany('Alpha Savings Bank');
  const b = sandbox.createCompany('Beta Credit Union');
  sandbox.createUser({ email: 'admin@alpha.test', password, userType: 'CLIENT', companyId: a.companyId, isAdmin: true });
  sandbox.createUser({ email: 'clerk@alpha.test', password, userType: 'CLIENT', companyId: a.companyId });
  sandbox.createUser({ email: 'admin@beta.test', password, userType: 'CLIENT', companyId: b.companyId, isAdmin: true });
  sandbox.createUser({ email: 'root@oz.test', password, userType: 'ADMIN' });
  const adminA = await loggedIn(sandbox, 'admin@alpha.test');
  const adminB = await loggedIn(sandbox, 'admin@beta.test');
  const created = await adminA.postJson('/api/collections/', { alias: 'alpha-watchlist', company_id: a.companyId });
  const createdB = await adminB.postJson('/api/collections/', { alias: 'beta-watchlist', company_id: b.companyId });
  return {
    sandbox,
    companyA: a.companyId,
    companyB: b.companyId,
    collectionA: created.body.collection_id,
    collectionB: createdB.body.collection_id,
    adminA,
    clientA: await loggedIn(sandbox, 'clerk@alpha.test'),
    adminB,
    root: await loggedIn(sandbox, 'root@oz.test'),
    anonymous: () => new OzTestClient(sandbox.url),
  };
}

export const fixturePassword = password;
