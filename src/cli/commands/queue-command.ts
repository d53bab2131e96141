import type { Command } from 'commander';
import { openQueue, type QueueItemView } from '../../core/queue/index.js';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { DATA_FLAGS, DATA_HELP, deskDataDir as dataDirOf } from '../data-option.js';

/** What the queue and sync commands need from their host; tests pass an in-memory store. */
export interface QueueCliDeps {
  readonly secretStore: () => SecretStore;
}

export const defaultQueueCliDeps: QueueCliDeps = { secretStore: () => new KeytarSecretStore() };

export { deskDataDir as dataDirOf } from '../data-option.js';

const ITEM_LIMIT = 1000;

/** `enroll-desk queue [--json]`: counts and items of the offline queue (names never printed). */
export function registerQueueCommand(program: Command, deps: QueueCliDeps = defaultQueueCliDeps): void {
  program
    .command('queue')
    .description('Show the offline queue: counts by state and the unfinished items')
    .option('--json', 'print one JSON object {status, items}')
    .option('--all', 'include items already sent')
    .option(DATA_FLAGS, DATA_HELP)
    .action(async (options: { json?: boolean; all?: boolean }, command: Command) => {
      const queue = await openQueue({ dataDir: dataDirOf(command), secretStore: deps.secretStore() });
      try {
        const status = queue.status();
        const items = queue.list({ limit: ITEM_LIMIT, offset: 0 }).filter((i) => options.all === true || i.state !== 'done');
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify({ status, items })}\n`);
          return;
        }
        const c = status.counts;
        process.stdout.write(
          `ready ${c.ready}  syncing ${c.syncing}  retry_wait ${c.retryWait}  quarantined ${c.quarantined}  done today ${c.doneToday}\n`,
        );
        if (status.oldestPendingAgeMs !== null) process.stdout.write(`oldest pending: ${Math.round(status.oldestPendingAgeMs / 1000)} s\n`);
        for (const item of items) process.stdout.write(`${describeItem(item)}\n`);
      } finally {
        queue.close();
      }
    });
}

function describeItem(item: QueueItemView): string {
  const photos = `${item.confirmedPhotoCount}/${item.photoCount} photos`;
  const why = item.quarantineReason ?? item.lastError;
  return `${item.id}  ${item.kind.padEnd(12)} ${item.state.padEnd(11)} ${photos}${why === null ? '' : `  — ${why}`}`;
}
