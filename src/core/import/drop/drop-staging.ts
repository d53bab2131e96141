import { constants, rmSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_DROP_BYTES, MAX_DROPPED_FILE_BYTES, MAX_DROPPED_FILES, type DroppedFile, type StagedDrop } from '../../../shared/domain/dropped-files.js';
import { AppFailure } from '../../errors/app-failure.js';
import { ensurePrivateDir } from '../../storage/private-files.js';
import { isIgnoredEntry } from '../ignored-entries.js';
import { layOutDrop } from './drop-layout.js';
import { safeRelativePath } from './drop-names.js';

interface CurrentDrop {
  readonly id: string;
  readonly dir: string;
  files: number;
  bytes: number;
}

const tooMany = () => new AppFailure('BAD_INPUT', `Too many files dropped at once: at most ${MAX_DROPPED_FILES}. Drop fewer, or choose the folder instead.`);
const tooLarge = (name: string) => new AppFailure('BAD_INPUT', `${name} is too large to import (more than ${MAX_DROPPED_FILE_BYTES / 1024 / 1024} MB).`);
const dropTooLarge = () => new AppFailure('BAD_INPUT', `The dropped files are too large together (more than ${MAX_DROP_BYTES / 1024 / 1024} MB). Drop fewer, or choose the folder instead.`);

/**
 * Dropped files become one folder to scan, in a private (0700) folder under the desk's data
 * folder. Only the latest drop is kept: a new drop, and the desk's start, remove the earlier
 * ones (the import reads the files until it is confirmed).
 */
export class DropStaging {
  private current: CurrentDrop | null = null;

  /** Whatever an earlier run of the desk staged is removed as it starts. */
  constructor(private readonly root: string) {
    rmSync(root, { recursive: true, force: true });
  }

  /** Removes every earlier drop. */
  async clear(): Promise<void> {
    this.current = null;
    await rm(this.root, { recursive: true, force: true });
  }

  /** Browser mode: one batch of a drop's bytes; the last batch answers with the folder to scan. */
  async addBytes(dropId: string, files: readonly DroppedFile[], last: boolean): Promise<{ staged: number; drop: StagedDrop | null }> {
    const drop = await this.dropFor(dropId);
    for (const file of files) {
      const bytes = Buffer.from(file.dataBase64, 'base64');
      await this.write(drop, file.relativePath, bytes.length, (target) => writeFile(target, bytes, { flag: 'wx', mode: 0o600 }));
    }
    return { staged: drop.files, drop: last ? await this.finish(drop) : null };
  }

  /**
   * Desktop app: dropped paths. One folder that holds person folders is scanned where it is;
   * anything else (photos, a person folder, several folders) is copied into the staging.
   */
  async fromPaths(paths: readonly string[]): Promise<StagedDrop> {
    const sources = await Promise.all(paths.map(checkedSource));
    const [only] = sources;
    if (sources.length === 1 && only?.isDirectory && (await hasSubfolder(only.path))) return { folder: only.path, manifestPath: null, files: 0 };
    const drop = await this.dropFor(crypto.randomUUID());
    for (const source of sources) {
      const base = path.dirname(source.path);
      for (const file of source.isDirectory ? await filesUnder(source.path) : [source.path]) {
        const size = (await lstat(file)).size;
        await this.write(drop, path.relative(base, file), size, (target) => copyFile(file, target, constants.COPYFILE_EXCL));
      }
    }
    return this.finish(drop);
  }

  private async dropFor(id: string): Promise<CurrentDrop> {
    if (this.current?.id === id) return this.current;
    await this.clear();
    const dir = path.join(this.root, id);
    ensurePrivateDir(this.root);
    ensurePrivateDir(dir);
    this.current = { id, dir, files: 0, bytes: 0 };
    return this.current;
  }

  private async write(drop: CurrentDrop, relativePath: string, size: number, put: (target: string) => Promise<void>): Promise<void> {
    const parts = safeRelativePath(relativePath);
    if (parts === null || parts.some(isIgnoredEntry)) return;
    if (drop.files + 1 > MAX_DROPPED_FILES) throw tooMany();
    if (size > MAX_DROPPED_FILE_BYTES) throw tooLarge(parts.join('/'));
    if (drop.bytes + size > MAX_DROP_BYTES) throw dropTooLarge();
    const target = path.join(drop.dir, ...parts);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const written = await put(target).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        // Two dropped files of the same name: the first one is kept.
        if (err.code === 'EEXIST') return false;
        throw err;
      },
    );
    if (!written) return;
    drop.files += 1;
    drop.bytes += size;
  }

  private async finish(drop: CurrentDrop): Promise<StagedDrop> {
    if (drop.files === 0) throw new AppFailure('BAD_INPUT', 'Nothing that was dropped can be imported: drop photos, or a folder of person folders.');
    return { ...(await layOutDrop(drop.dir)), files: drop.files };
  }
}

interface Source {
  readonly path: string;
  readonly isDirectory: boolean;
}

/** A dropped path must be an absolute path to a file or folder that exists (no links followed). */
async function checkedSource(raw: string): Promise<Source> {
  if (!path.isAbsolute(raw)) throw new AppFailure('BAD_INPUT', 'A dropped item has no place on this desk’s disk, so it cannot be imported.');
  const info = await lstat(raw).catch(() => null);
  if (info === null || !(info.isFile() || info.isDirectory())) throw new AppFailure('BAD_INPUT', `This dropped item cannot be read: ${raw}.`);
  return { path: path.resolve(raw), isDirectory: info.isDirectory() };
}

async function hasSubfolder(dir: string): Promise<boolean> {
  return (await readdir(dir, { withFileTypes: true })).some((e) => e.isDirectory() && !isIgnoredEntry(e.name));
}

/** Regular files under a folder, links skipped, stopping as soon as the count cap is passed. */
async function filesUnder(dir: string): Promise<readonly string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    out.push(path.join(entry.parentPath, entry.name));
    if (out.length > MAX_DROPPED_FILES) throw tooMany();
  }
  return out.sort();
}
