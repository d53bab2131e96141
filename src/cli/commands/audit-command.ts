import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { defaultDataDir } from '../../core/config/data-dir.js';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { DATA_FLAGS, DATA_HELP } from '../data-option.js';
import type { AuditExportOptions } from './audit-action.js';

export interface AuditCliDeps {
  readonly secretStore: () => SecretStore;
}

const defaultDeps: AuditCliDeps = { secretStore: () => new KeytarSecretStore() };

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

/** `enroll-desk audit verify|export`: check the hash chain, export the log for the bank's records. */
export function registerAuditCommand(program: Command, deps: AuditCliDeps = defaultDeps): void {
  const audit = program.command('audit').description("Verify or export the desk's audit log").option(DATA_FLAGS, DATA_HELP);

  audit
    .command('verify')
    .description('Recompute the hash chain; exit 0 when intact, 1 when broken (naming the first broken entry)')
    .option(DATA_FLAGS, DATA_HELP)
    .option('--json', 'print one JSON object {ok, entries} or {ok, firstBroken, reason}')
    .action(async (options: { json?: boolean }, command: Command) => {
      // Loaded when the command runs: SQLite and the audit chain.
      const { verifyAudit } = await import('./audit-action.js');
      process.exitCode = await verifyAudit(options, dataDirOf(command), deps.secretStore);
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
    .action(async (options: AuditExportOptions, command: Command) => {
      if (options.csv === true && options.json === true) throw new InvalidArgumentError('choose one of --csv and --json');
      const { exportAudit } = await import('./audit-action.js');
      process.exitCode = exportAudit(options, dataDirOf(command));
    });
}
