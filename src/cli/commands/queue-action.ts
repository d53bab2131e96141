import { openQueue, type QueueItemView } from '../../core/queue/index.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';

const ITEM_LIMIT = 1000;

/** Prints the queue's counts and unfinished items (all items with `all`), as text or one JSON object. */
export async function showQueue(options: { readonly json?: boolean; readonly all?: boolean }, dataDir: string, secretStore: SecretStore): Promise<void> {
  const queue = await openQueue({ dataDir, secretStore });
  try {
    const status = queue.status();
    const items = queue.list({ limit: ITEM_LIMIT, offset: 0 }).filter((i) => options.all === true || i.state !== 'done');
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify({ status, items })}\n`);
      return;
    }
    const c = status.counts;
    process.stdout.write(`ready ${c.ready}  syncing ${c.syncing}  retry_wait ${c.retryWait}  quarantined ${c.quarantined}  done today ${c.doneToday}\n`);
    if (status.oldestPendingAgeMs !== null) process.stdout.write(`oldest pending: ${Math.round(status.oldestPendingAgeMs / 1000)} s\n`);
    for (const item of items) process.stdout.write(`${describeItem(item)}\n`);
  } finally {
    queue.close();
  }
}

function describeItem(item: QueueItemView): string {
  const photos = `${item.confirmedPhotoCount}/${item.photoCount} photos`;
  const why = item.quarantineReason ?? item.lastError;
  return `${item.id}  ${item.kind.padEnd(12)} ${item.state.padEnd(11)} ${photos}${why === null ? '' : `  — ${why}`}`;
}
