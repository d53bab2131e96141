import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findAuditHeadKey, findAuditKey, openAuditLog, type AuditLog } from '../../core/audit/index.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { SettingsStore } from '../../core/settings/settings-store.js';
import { DESK_DB_FILE, openDeskDb } from '../../core/storage/open-desk-db.js';

export interface AuditExportOptions {
  readonly from?: number;
  readonly to?: number;
  readonly csv?: boolean;
  readonly json?: boolean;
  readonly out?: string;
}

/** Exit codes of `audit verify`: the chain is intact, or it is broken. Usage errors exit 2. */
const INTACT = 0;
const BROKEN = 1;

function withAuditLog<T>(dataDir: string, fn: (audit: AuditLog) => T): T {
  // A mistyped folder must not look like a desk with an empty, intact log.
  if (!existsSync(path.join(dataDir, DESK_DB_FILE))) throw new Error(`No desk database in ${dataDir} (pass --data <dir>).`);
  const db = openDeskDb(dataDir);
  try {
    const settings = new SettingsStore(dataDir);
    return fn(openAuditLog(db, { desk: () => settings.get().deskName, operator: () => null }));
  } finally {
    db.close();
  }
}

/** Recomputes the hash chain and prints the verdict; resolves to the exit code. */
export async function verifyAudit(options: { readonly json?: boolean }, dataDir: string, secretStore: () => SecretStore): Promise<number> {
  const fromKeychain = (find: (store: SecretStore) => Promise<Buffer | null>) => async (): Promise<Buffer | null> => {
    try {
      return await find(secretStore());
    } catch {
      return null;
    }
  };
  const headKey = fromKeychain((store) => findAuditHeadKey(store, dataDir));
  const result = await withAuditLog(dataDir, (log) => log.verify(fromKeychain(findAuditKey), headKey));
  if (options.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
  else if (result.ok) process.stdout.write(`Audit log intact: ${result.entries} entries.\n`);
  else process.stdout.write(`Audit log BROKEN at entry #${result.firstBroken}: ${result.reason}\n`);
  return result.ok ? INTACT : BROKEN;
}

/** Writes the log as CSV (the default) or JSON, to `out` or standard output; returns the exit code. */
export function exportAudit(options: AuditExportOptions, dataDir: string): number {
  const range = { ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }) };
  const text = withAuditLog(dataDir, (log) => (options.json === true ? log.exportJson(range) : log.exportCsv(range)));
  if (options.out === undefined) process.stdout.write(text);
  else writeFileSync(options.out, text, { mode: 0o600 });
  return 0;
}
