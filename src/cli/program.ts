import { Command } from 'commander';
import { defaultDataDir } from '../core/config/data-dir.js';
import { registerSandboxCommand } from './commands/sandbox-command.js';

/** The `enroll-desk` command tree. Usage errors exit with code 2. */
export function buildProgram(): Command {
  const program = new Command('enroll-desk')
    .description('Enroll persons into Oz API face collections: bulk import, sync, queue status and the local Oz sandbox.')
    .option('--data <dir>', "the desk's data folder", defaultDataDir())
    .showHelpAfterError('(run enroll-desk --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerSandboxCommand(program);
  return program;
}
