import { MAX_DROP_BATCH_BASE64_CHARS, type DroppedFile, type StagedDrop } from '../../../../shared/domain/dropped-files.js';
import { fail, type Result } from '../../../../shared/result.js';
import { t } from '../../../i18n/index.js';
import { toBase64 } from '../../../ipc/base64.js';
import type { IpcClient } from '../../../ipc/client.js';

/** A file of a drop and where it sat in what was dropped ("Ada Lovelace/1.jpg"). */
export interface DroppedItem {
  readonly file: File;
  readonly relativePath: string;
}

/** What the Enroll screen hands over: the top-level files (paths in the desktop app) and, for browser mode, every file inside. */
export interface Drop {
  readonly top: readonly File[];
  readonly items: () => Promise<readonly DroppedItem[]>;
}

/** Base64 is 4/3 of the bytes. */
const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** Groups files into batches under the WebSocket's message budget (a larger file goes alone, and main refuses it). */
export function batchesOf(items: readonly DroppedItem[]): DroppedItem[][] {
  const batches: DroppedItem[][] = [];
  let current: DroppedItem[] = [];
  let size = 0;
  for (const item of items) {
    const length = base64Length(item.file.size);
    if (current.length > 0 && size + length > MAX_DROP_BATCH_BASE64_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function readItem(item: DroppedItem): Promise<DroppedFile> {
  return { relativePath: item.relativePath, dataBase64: toBase64(new Uint8Array(await item.file.arrayBuffer())) };
}

/**
 * Hands a drop to main. The desktop app sends paths (main checks them); browser mode has
 * none, so the bytes go in batches and main stages them. Progress counts files sent.
 */
export async function sendDrop(ipc: IpcClient, drop: Drop, onProgress: (done: number, total: number) => void): Promise<Result<StagedDrop>> {
  const paths = drop.top.map((file) => ipc.pathOfDropped(file));
  if (paths.length > 0 && paths.every((p) => p !== null)) return ipc.invoke('enroll:dropPaths', { paths });
  const items = await drop.items();
  const batches = batchesOf(items);
  const dropId = crypto.randomUUID();
  let done = 0;
  onProgress(0, items.length);
  for (const [index, batch] of (batches.length === 0 ? [[]] : batches).entries()) {
    const files = await Promise.all(batch.map(readItem));
    const result = await ipc.invoke('enroll:dropFiles', { dropId, files, last: index === Math.max(batches.length - 1, 0) });
    if (!result.ok) return result;
    done += batch.length;
    onProgress(done, items.length);
    if (result.value.drop !== null) return { ok: true, value: result.value.drop };
  }
  // Main answers the last batch with the folder; anything else is a drop that did not arrive whole.
  return fail('INTERNAL', t('enroll.drop.unreadable'));
}
