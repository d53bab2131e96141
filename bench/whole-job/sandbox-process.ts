import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = new URL('../..', import.meta.url).pathname;

export interface SandboxProcess {
  readonly url: string;
  readonly email: string;
  readonly password: string;
  readonly companyId: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** `enroll-desk sandbox` in its own process (as a real server would be), storing in `dataDir`. */
export async function startSandboxProcess(dataDir: string): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['bin/enroll-desk', 'sandbox', '--port', '0', '--seed-demo', '--json', '--data', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const info = JSON.parse(line) as { url: string; email: string; password: string; company_id: string };
    lines.close();
    return {
      url: info.url,
      email: info.email,
      password: info.password,
      companyId: info.company_id,
      dataDir,
      async stop() {
        child.kill('SIGTERM');
        await once(child, 'exit');
      },
    };
  }
  throw new Error('the sandbox exited before it listened');
}

/** Bytes of the image files the sandbox stored (it keeps them under blobs/ beside its database). */
export function storedImageBytes(sb: SandboxProcess): number {
  let total = 0;
  const root = join(sb.dataDir, 'blobs');
  if (!existsSync(root)) return 0;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** A token for raw HTTP reads that share no code with the desk. */
export async function rawToken(sb: SandboxProcess): Promise<string> {
  const res = await fetch(`${sb.url}/api/authorize/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credentials: { email: sb.email, password: sb.password } }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || body.access_token === undefined) throw new Error(`bench login failed: HTTP ${res.status}`);
  return body.access_token;
}

/** Persons in a collection by raw HTTP, paging until a page brings nothing new. */
export async function rawPersonCount(sb: SandboxProcess, token: string, collectionId: string): Promise<number> {
  const seen = new Set<string>();
  for (let offset = 0; ; offset += 100) {
    const res = await fetch(`${sb.url}/api/collections/${collectionId}/persons/?limit=100&offset=${offset}`, { headers: { 'X-Forensic-Access-Token': token } });
    if (!res.ok) throw new Error(`listing persons: HTTP ${res.status}`);
    const body = (await res.json()) as unknown;
    const items = (Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? [])) as { person_id: string }[];
    const before = seen.size;
    for (const item of items) seen.add(item.person_id);
    if (items.length === 0 || seen.size === before) return seen.size;
  }
}

/** The id of the collection with this alias (raw HTTP). */
export async function rawCollectionId(sb: SandboxProcess, token: string, alias: string): Promise<string> {
  const res = await fetch(`${sb.url}/api/collections/?limit=1000`, { headers: { 'X-Forensic-Access-Token': token } });
  const body = (await res.json()) as unknown;
  const items = (Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? [])) as { collection_id: string; alias: string }[];
  const found = items.find((c) => c.alias === alias);
  if (found === undefined) throw new Error(`no collection ${alias} on the sandbox`);
  return found.collection_id;
}
