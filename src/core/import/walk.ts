import { join } from 'node:path';
import { isIgnoredEntry } from './ignored-entries.js';
import type { ScanProblem } from './report.js';
import type { ScanFs } from './scan-fs.js';

export interface WalkContext {
  readonly fs: ScanFs;
  readonly signal?: AbortSignal;
  /** Real paths of every folder entered so far: a link back to one of them is a loop. */
  readonly visited: Set<string>;
  readonly problems: ScanProblem[];
  readonly onFile: (path: string) => void;
}

export type EntryKind = 'folder' | 'file';

const errCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

function folderProblem(path: string, err: unknown): ScanProblem {
  const code = errCode(err);
  if (code === 'ELOOP') return { path, kind: 'symlink_loop', message: 'This folder link points back to itself.' };
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error');
  return { path, kind: 'unreadable_folder', message: `This folder could not be opened (${why}); its photos were skipped.` };
}

/**
 * Sorted, non-ignored entries of a folder, each classified by following links. A link that
 * cannot be followed counts as a file, so the photo pipeline reports it as unreadable.
 */
export interface ListedEntry {
  readonly name: string;
  readonly path: string;
  readonly kind: EntryKind;
  readonly viaLink: boolean;
}

/** Real folders before linked ones, so a link to a sibling is the one reported as already scanned. */
const linkedFoldersLast = (a: ListedEntry, b: ListedEntry): number =>
  Number(a.kind === 'folder' && a.viaLink) - Number(b.kind === 'folder' && b.viaLink);

export async function listFolder(dir: string, ctx: WalkContext): Promise<readonly ListedEntry[] | null> {
  let entries;
  try {
    entries = await ctx.fs.readdir(dir);
  } catch (err) {
    ctx.problems.push(folderProblem(dir, err));
    return null;
  }
  const names = entries.filter((e) => !isIgnoredEntry(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: ListedEntry[] = [];
  for (const entry of names) {
    const path = join(dir, entry.name);
    let kind: EntryKind = entry.isDirectory() ? 'folder' : 'file';
    if (entry.isSymbolicLink()) {
      kind = await ctx.fs.stat(path).then(
        (s) => (s.isDirectory() ? 'folder' : 'file'),
        () => 'file' as const,
      );
    }
    out.push({ name: entry.name, path, kind, viaLink: entry.isSymbolicLink() });
  }
  return out.sort(linkedFoldersLast);
}

/** Marks a folder as entered; false (with a problem recorded) when it was reached before. */
export async function enterFolder(dir: string, ctx: WalkContext): Promise<boolean> {
  let real: string;
  try {
    real = await ctx.fs.realpath(dir);
  } catch (err) {
    ctx.problems.push(folderProblem(dir, err));
    return false;
  }
  if (ctx.visited.has(real)) {
    ctx.problems.push({
      path: dir,
      kind: 'symlink_loop',
      message: `This folder is a link to ${real}, which is already part of the scan; it was skipped to avoid a loop.`,
    });
    return false;
  }
  ctx.visited.add(real);
  return true;
}

/**
 * Every photo candidate under `dir`, depth first, in name order. False when `dir` itself
 * could not be read (the problem is already recorded), so the caller can drop it.
 */
export async function collectFiles(dir: string, ctx: WalkContext, into: string[]): Promise<boolean> {
  if (ctx.signal?.aborted || !(await enterFolder(dir, ctx))) return false;
  const entries = await listFolder(dir, ctx);
  if (!entries) return false;
  for (const entry of entries) {
    if (ctx.signal?.aborted) break;
    if (entry.kind === 'folder') {
      await collectFiles(entry.path, ctx, into);
    } else {
      into.push(entry.path);
      ctx.onFile(entry.path);
    }
  }
  return true;
}
