// Names of dropped files come from another machine's file system (or a browser): they are
// made safe before anything is written, and never leave the staging folder.

/** Folder depth kept from a drop: the dropped folder, a person's folder, the photo. */
const MAX_DEPTH = 3;
const MAX_SEGMENT = 120;
// Characters no desk file system takes in a name, control characters included.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[\u0000-\u001f\u007f<>:"|?*]/g;

function safeSegment(raw: string): string | null {
  const cleaned = raw.normalize('NFC').replace(UNSAFE, '_').trim().replace(/[. ]+$/, '').slice(0, MAX_SEGMENT);
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return cleaned;
}

/**
 * "Ada Lovelace/1.jpg" → ["Ada Lovelace", "1.jpg"]: separators of every OS split it, empty,
 * "." and ".." parts are dropped (nothing can climb out of the staging folder), and only
 * the last three parts are kept. Null when no part is left.
 */
export function safeRelativePath(raw: string): readonly string[] | null {
  const parts = raw
    .split(/[\\/]+/)
    .map(safeSegment)
    .filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.slice(-MAX_DEPTH);
}

/** "Ada Lovelace 2.jpg", "Ada Lovelace (3).png" → "Ada Lovelace": the person a loose photo is named after. */
export function personOfFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '');
  const person = stem.replace(/[\s_-]*(\(\d+\)|\d+)$/, '').trim();
  return person === '' ? stem : person;
}
