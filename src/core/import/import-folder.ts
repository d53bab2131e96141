import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppFailure } from '../errors/app-failure.js';

/** "~" and "~/x" mean the operator's home folder, as in every file dialog and shell they know. */
export function expandHome(typed: string, home: string = os.homedir()): string {
  const trimmed = typed.trim();
  if (trimmed === '~') return home;
  if (trimmed.startsWith('~/') || trimmed.startsWith('~\\')) return path.join(home, trimmed.slice(2));
  return trimmed;
}

/**
 * The folder an import reads, checked before any scan starts: a missing or unreadable folder
 * is one clear refusal (BAD_INPUT), not a report of "1 problem" with nobody to enroll.
 */
export async function resolveImportFolder(typed: string, home?: string): Promise<string> {
  const folder = path.resolve(expandHome(typed, home));
  const info = await stat(folder).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'This desk may not read the folder' : 'There is no such folder';
    throw new AppFailure('BAD_INPUT', `${why}: ${folder}. Check the path, or choose the folder again.`, { path: folder, reason: err.code ?? 'unknown' });
  });
  if (!info.isDirectory()) throw new AppFailure('BAD_INPUT', `This is a file, not a folder: ${folder}. Choose the folder that holds the photos.`, { path: folder, reason: 'ENOTDIR' });
  return folder;
}

const MAX_SUGGESTIONS = 20;

/**
 * Folders that continue what was typed: the subfolders of its parent whose names start with
 * its last part (hidden ones only when asked for with a leading dot). Unreadable: none.
 */
export async function completeFolder(typed: string, home?: string): Promise<readonly string[]> {
  const expanded = expandHome(typed, home);
  if (!path.isAbsolute(expanded)) return [];
  const endsWithSeparator = /[\\/]$/.test(expanded);
  const parent = endsWithSeparator ? expanded : path.dirname(expanded);
  const prefix = endsWithSeparator ? '' : path.basename(expanded);
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => path.join(parent, e.name))
    .sort()
    .slice(0, MAX_SUGGESTIONS);
}
