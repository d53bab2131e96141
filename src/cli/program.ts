import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerQueueCommand } from './commands/queue-command.js';
import { registerSandboxCommand } from './commands/sandbox-command.js';
import { registerSyncCommand } from './commands/sync-command.js';
import { DATA_FLAGS, DATA_HELP } from './data-option.js';

/**
 * The `enroll-desk` command tree: names, options and help only. Usage errors exit with code 2.
 * Each command's action imports its own modules when it runs, so the CLI starts fast.
 */
export function buildProgram(): Command {
  const program = new Command('enroll-desk')
    .description('Enroll persons into Oz API face collections: bulk import, sync, queue status and the local Oz sandbox.')
    .option(DATA_FLAGS, DATA_HELP)
    // Each subcommand has its own --data (the sandbox's means its own folder), so options bind positionally.
    .enablePositionalOptions()
    .showHelpAfterError('(run enroll-desk --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    // Fail closed: no command runs under a managed policy that does not validate. Loaded
    // here, not at the top, so `--help` never loads a schema (each action loads its own code).
    .hook('preAction', async () => {
      const { loadDeskPolicy } = await import('../core/policy/load-policy.js');
      loadDeskPolicy();
    });
  registerSandboxCommand(program);
  registerQueueCommand(program);
  registerSyncCommand(program);
  registerImportCommand(program);
  registerAuditCommand(program);
  return program;
}
