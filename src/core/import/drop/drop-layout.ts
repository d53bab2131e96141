import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredEntry } from '../ignored-entries.js';
import { personOfFileName } from './drop-names.js';

export interface DropLayout {
  readonly folder: string;
  readonly manifestPath: string | null;
}

const isManifest = (name: string): boolean => name.toLowerCase().endsWith('.csv');

async function entriesOf(dir: string) {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => !isIgnoredEntry(e.name));
}

/**
 * A dropped folder that only wraps person folders ("enrollments/Ada Lovelace/…") is scanned
 * from inside; a lone person folder ("Ada Lovelace/1.jpg") stays one person.
 */
async function unwrap(dir: string): Promise<string> {
  const entries = await entriesOf(dir);
  const only = entries[0];
  if (entries.length !== 1 || only === undefined || !only.isDirectory()) return dir;
  const inner = path.join(dir, only.name);
  return (await entriesOf(inner)).some((e) => e.isDirectory()) ? unwrap(inner) : dir;
}

/**
 * Lays staged files out as a folder import reads them: person folders as dropped; loose
 * photos with a CSV beside them are a manifest import; loose photos without one each go
 * into a folder named after the file ("Ada Lovelace 2.jpg" → "Ada Lovelace").
 */
export async function layOutDrop(staging: string): Promise<DropLayout> {
  const folder = await unwrap(staging);
  const entries = await entriesOf(folder);
  const loose = entries.filter((e) => e.isFile());
  const manifest = loose.find((e) => isManifest(e.name));
  if (manifest !== undefined) return { folder, manifestPath: path.join(folder, manifest.name) };
  for (const file of loose) {
    const name = personOfFileName(file.name);
    // A file without an extension would share its person folder's name.
    const person = path.join(folder, name === file.name ? `${name} (photos)` : name);
    await mkdir(person, { recursive: true, mode: 0o700 });
    await rename(path.join(folder, file.name), path.join(person, file.name));
  }
  return { folder, manifestPath: null };
}
