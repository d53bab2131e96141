import type { Command } from 'commander';
import { DATA_FLAGS, DATA_HELP, deskDataDir } from '../data-option.js';
import { DEFAULT_WAIT, WAIT_FLAGS, WAIT_HELP } from '../duration-option.js';
import { parseServerUrl, SERVER_FLAGS } from '../server-option.js';
import { defaultQueueCliDeps, type QueueCliDeps } from './queue-command.js';
import type { SyncOptions } from './sync-action.js';

/**
 * `enroll-desk sync`: sends the queue through the desk's sync worker for up to `--wait`.
 * Exit 0 when nothing is left, 1 when items stay quarantined, 3 when some are still queued
 * (server unreachable or the time ran out: run it again later), 2 on sign-in or usage errors.
 * An item waiting out its back-off or a Retry-After is waited for within --wait. Counts are
 * this server and account's; items made for another are named, not counted.
 */
export function registerSyncCommand(program: Command, deps: QueueCliDeps = defaultQueueCliDeps): void {
  program
    .command('sync')
    .description('Send the queued enrollments to the Oz API now')
    .option('--json', 'print one JSON object with the result instead of a progress bar')
    .option(SERVER_FLAGS, 'Oz API URL, https:// (default: $OZ_API_URL)', parseServerUrl)
    .option('--email <email>', 'Oz user (default: $OZ_EMAIL)')
    .option('--password-env <var>', 'environment variable holding the password', 'OZ_PASSWORD')
    .option('--concurrency <n>', 'requests in flight', '2')
    .option(WAIT_FLAGS, WAIT_HELP, DEFAULT_WAIT)
    .option(DATA_FLAGS, DATA_HELP)
    .action(async (options: SyncOptions, command: Command) => {
      // Loaded when the command runs: the queue, the Oz client and the sync worker.
      const { runSync } = await import('./sync-action.js');
      process.exitCode = await runSync(options, deskDataDir(command), deps);
    });
}
