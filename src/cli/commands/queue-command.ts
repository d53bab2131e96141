import type { Command } from 'commander';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { DATA_FLAGS, DATA_HELP, deskDataDir } from '../data-option.js';

/** What the queue, sync and import commands need from their host; tests pass an in-memory store. */
export interface QueueCliDeps {
  readonly secretStore: () => SecretStore;
}

export const defaultQueueCliDeps: QueueCliDeps = { secretStore: () => new KeytarSecretStore() };

/** `enroll-desk queue [--json]`: counts and items of the offline queue (names never printed). */
export function registerQueueCommand(program: Command, deps: QueueCliDeps = defaultQueueCliDeps): void {
  program
    .command('queue')
    .description('Show the offline queue: counts by state and the unfinished items')
    .option('--json', 'print one JSON object {status, items}')
    .option('--all', 'include items already sent')
    .option(DATA_FLAGS, DATA_HELP)
    .action(async (options: { json?: boolean; all?: boolean }, command: Command) => {
      // Loaded when the command runs, so `--help` and the other commands never load the queue.
      const { showQueue } = await import('./queue-action.js');
      await showQueue(options, deskDataDir(command), deps.secretStore());
    });
}
