import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { findAuditHeadKey, findAuditKey, openAuditLog, type AuditLog } from '../../core/audit/index.js';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { SettingsStore } from '../../core/settings/settings-store.js';
import { DESK_DB_FILE, openDeskDb } from '../../core/storage/open-desk-db.js';
import { DATA_FLAGS, DATA_HELP } from '../data-option.js';
import { defaultDataDir } from '../../core/config/data-dir.js';

export interface AuditCliDeps {
  readonly secretStore: () => SecretStore;
}

const defaultDeps: AuditCliDeps = { secretStore: () => new KeytarSecretStore() };

/** Exit codes of `audit verify`: the chain is intact, or it is broken. Usage errors exit 2. */
const INTACT = 0;
const BROKEN = 1;

function isoTime(value: string): number {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new InvalidArgumentError('expected an ISO date or time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z');
  return t;
}

/** `--data` of this command or of any command above it; else the desktop app's folder. */
function dataDirOf(command: Command): string {
  for (let c: Command | null = command; c !== null; c = c.parent) {
    const data = (c.opts() as { data?: unknown }).data;
    if (typeof data === 'string' && data !== '') return path.resolve(data);
  }
  return defaultDataDir();
}

function withAuditLog<T>(command: Command, fn: (audit: AuditLog) => T): T {
  const dataDir = dataDirOf(command);
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

/** `enroll-desk audit verify|export`: check the hash chain, export the log for the bank's records. */
export function registerAuditCommand(program: Command, deps: AuditCliDeps = defaultDeps): void {
  const audit = program.command('audit').description("Verify or export the desk's audit log").option(DATA_FLAGS, DATA_HELP);

  audit
    .command('verify')
    .description('Recompute the hash chain; exit 0 when intact, 1 when broken (naming the first broken entry)')
    .option(DATA_FLAGS, DATA_HELP)
    .option('--json', 'print one JSON object {ok, entries} or {ok, firstBroken, reason}')
    .action(async (options: { json?: boolean }, command: Command) => {
      const fromKeychain = (find: (store: SecretStore) => Promise<Buffer | null>) => async (): Promise<Buffer | null> => {
        try {
          return await find(deps.secretStore());
        } catch {
          return null;
        }
      };
      const dataDir = dataDirOf(command);
      const headKey = fromKeychain((store) => findAuditHeadKey(store, dataDir));
      const result = await withAuditLog(command, (log) => log.verify(fromKeychain(findAuditKey), headKey));
      if (options.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.ok) process.stdout.write(`Audit log intact: ${result.entries} entries.\n`);
      else process.stdout.write(`Audit log BROKEN at entry #${result.firstBroken}: ${result.reason}\n`);
      process.exitCode = result.ok ? INTACT : BROKEN;
    });

  audit
    .command('export')
    .description('Write the audit log (ids, times, outcomes; no names, no photos) as CSV or JSON')
    .option(DATA_FLAGS, DATA_HELP)
    .option('--from <iso>', 'first time to include', isoTime)
    .option('--to <iso>', 'last time to include', isoTime)
    .option('--csv', 'CSV (the default)')
    .option('--json', 'JSON: an array of entries')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((options: { from?: number; to?: number; csv?: boolean; json?: boolean; out?: string }, command: Command) => {
      if (options.csv === true && options.json === true) throw new InvalidArgumentError('choose one of --csv and --json');
      const range = { ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }) };
      const text = withAuditLog(command, (log) => (options.json === true ? log.exportJson(range) : log.exportCsv(range)));
      if (options.out === undefined) process.stdout.write(text);
      else writeFileSync(options.out, text, { mode: 0o600 });
      process.exitCode = 0;
    });
}
