import type { Drop, DroppedItem } from '../../store/slices/enroll/send-drop.js';

/** One dropped thing as the drop event gave it: the File, and its file-system entry when the browser offers one. */
interface Dropped {
  readonly file: File | null;
  readonly entry: FileSystemEntry | null;
}

const readEntries = (reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> => new Promise((resolve, reject) => reader.readEntries(resolve, reject));
const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

/** Every file under a dropped folder, with its path from the dropped folder on. */
async function filesIn(dir: FileSystemDirectoryEntry, prefix: string): Promise<DroppedItem[]> {
  const reader = dir.createReader();
  const out: DroppedItem[] = [];
  // readEntries answers in chunks until it answers with none.
  for (let chunk = await readEntries(reader); chunk.length > 0; chunk = await readEntries(reader)) {
    for (const entry of chunk) {
      const relativePath = `${prefix}/${entry.name}`;
      if (entry.isDirectory) out.push(...(await filesIn(entry as FileSystemDirectoryEntry, relativePath)));
      else if (entry.isFile) out.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath });
    }
  }
  return out;
}

async function itemsOf(dropped: readonly Dropped[]): Promise<readonly DroppedItem[]> {
  const out: DroppedItem[] = [];
  for (const { file, entry } of dropped) {
    if (entry?.isDirectory) out.push(...(await filesIn(entry as FileSystemDirectoryEntry, entry.name)));
    else if (file !== null) out.push({ file, relativePath: file.webkitRelativePath || file.name });
  }
  return out;
}

/**
 * What a drop event carries, taken while the event lasts (the browser empties the data
 * transfer afterwards); the folders are read later, when main asks for bytes.
 */
export function dropOf(data: DataTransfer): Drop {
  const dropped: Dropped[] = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => ({ file: item.getAsFile(), entry: item.webkitGetAsEntry() }));
  return { top: dropped.flatMap((d) => (d.file === null ? [] : [d.file])), items: () => itemsOf(dropped) };
}

/** True while something the desk can take (files, not text or links) is dragged over it. */
export const carriesFiles = (data: DataTransfer | null): boolean => data !== null && Array.from(data.types).includes('Files');
