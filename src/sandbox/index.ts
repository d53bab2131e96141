import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TokenService } from './auth/token-service.js';
import { seedDemo } from './demo-seed.js';
import { FaultInjector } from './faults/fault-injector.js';
import { buildApp, buildMediaApp, type SandboxTls } from './http/app.js';
import type { SandboxContext } from './http/context.js';
import { sandboxProfile, type SandboxProfileName } from './profile.js';
import { AnalysesRepo } from './store/analyses-repo.js';
import { FileBlobStore, MemoryBlobStore } from './store/blob-store.js';
import { CollectionsRepo } from './store/collections-repo.js';
import { openDatabase } from './store/database.js';
import { FoldersRepo } from './store/folders-repo.js';
import { PersonsRepo } from './store/persons-repo.js';
import { UsersRepo } from './store/users-repo.js';

export { FaultSpecError } from './faults/fault-spec.js';
export { sandboxProfileNames, type SandboxProfileName } from './profile.js';
export type { SandboxTls } from './http/app.js';

export interface SandboxOptions {
  port?: number; // 0 = random (default 0)
  dataDir?: string | null; // null/undefined = in-memory
  seedDemo?: boolean; // company "Demo Bank", its admin user and collection "demo-watchlist"
  faults?: string; // fault spec, see docs/oz-sandbox.md
  tokenTtlSeconds?: number; // default 900
  cascadeDeletes?: boolean; // default false (strict)
  maxFiles?: number; // default 10
  maxFileBytes?: number; // default 10 MB
  analysisDelayMs?: number; // how long a COLLECTION analysis stays PROCESSING; default: the profile's (0 default, 300 strict)
  profile?: SandboxProfileName; // default 'default'; 'strict' takes the other answers Oz's docs allow
  tls?: SandboxTls; // https with this certificate (PEM) instead of plain http
}

export interface SandboxUserInput {
  email: string;
  password: string;
  userType: 'ADMIN' | 'CLIENT';
  companyId?: string;
  isAdmin?: boolean;
}

export interface RunningSandbox {
  readonly url: string;
  readonly port: number;
  readonly profile: SandboxProfileName;
  /** Where media URLs point: `url` itself, or (strict) the token-less media listener. */
  readonly mediaUrl: string;
  readonly demo: { email: string; password: string; companyId: string; companyName: string; collectionId: string } | null;
  createCompany(name: string): { companyId: string; name: string };
  createUser(u: SandboxUserInput): { userId: string };
  setFaults(spec: string | null): void;
  expireAllTokens(): void;
  close(): Promise<void>;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result <= 0) throw new RangeError(`sandbox option ${name} must be a positive integer`);
  return result;
}

function nonNegativeInteger(name: string, value: number | undefined): number {
  const result = value ?? 0;
  if (!Number.isInteger(result) || result < 0) throw new RangeError(`sandbox option ${name} must be a whole number ≥ 0`);
  return result;
}

async function listenMedia(ctx: SandboxContext): Promise<{ readonly app: FastifyInstance; readonly url: string }> {
  const app = await buildMediaApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const dataDir = options.dataDir ?? null;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError('sandbox option port must be 0..65535');
  const ttlSeconds = positiveInteger('tokenTtlSeconds', options.tokenTtlSeconds, 900);
  const limits = {
    maxFiles: positiveInteger('maxFiles', options.maxFiles, 10),
    maxFileBytes: positiveInteger('maxFileBytes', options.maxFileBytes, 10 * 1024 * 1024),
  };
  const profile = sandboxProfile(options.profile);
  const analysisDelayMs = nonNegativeInteger('analysisDelayMs', options.analysisDelayMs ?? profile.analysisDelayMs);
  const faults = new FaultInjector();
  faults.set(options.faults);

  const db = openDatabase(dataDir);
  try {
    const blobs = dataDir === null ? new MemoryBlobStore() : new FileBlobStore(join(dataDir, 'blobs'));
    const users = new UsersRepo(db);
    const collections = new CollectionsRepo(db);
    let mediaUrl = '';
    const ctx: SandboxContext = {
      users,
      collections,
      persons: new PersonsRepo(db, blobs),
      folders: new FoldersRepo(db, blobs),
      analyses: new AnalysesRepo(db, analysisDelayMs),
      tokens: new TokenService(db, users, ttlSeconds * 1000, () => faults.forcedExpiryBoundaryMs()),
      blobs,
      limits,
      cascadeDeletes: options.cascadeDeletes ?? false,
      profile,
      mediaBaseUrl: () => mediaUrl,
    };
    const demo = options.seedDemo === true ? seedDemo(users, collections, dataDir) : null;
    const app = await buildApp(ctx, faults, options.tls);
    await app.listen({ host: '127.0.0.1', port });
    const boundPort = (app.server.address() as AddressInfo).port;
    const url = `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${boundPort}`;
    const media = profile.separateMediaOrigin ? await listenMedia(ctx) : null;
    mediaUrl = media?.url ?? url;
    let closing: Promise<void> | null = null;

    return {
      url,
      port: boundPort,
      profile: profile.name,
      mediaUrl,
      demo: demo === null ? null : { ...demo },
      createCompany: (name) => {
        const row = users.createCompany(name);
        return { companyId: row.company_id, name: row.name };
      },
      createUser: (u) => ({
        userId: users.createUser({
          email: u.email,
          password: u.password,
          userType: u.userType,
          companyId: u.companyId ?? null,
          isAdmin: u.isAdmin ?? false,
        }).user_id,
      }),
      setFaults: (spec) => faults.set(spec),
      expireAllTokens: () => ctx.tokens.expireAll(),
      close: () => {
        closing ??= Promise.all([app.close(), media?.app.close()]).then(() => {
          db.close();
        });
        return closing;
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
