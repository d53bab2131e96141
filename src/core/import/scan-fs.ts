import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';

/**
 * The three file-system calls the scan makes. Production uses node:fs; tests wrap it to
 * deny a folder, because they run as root, where chmod 000 denies nothing.
 */
export interface ScanFs {
  readdir(path: string): Promise<Dirent[]>;
  stat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
}

export const nodeScanFs: ScanFs = {
  readdir: (path) => readdir(path, { withFileTypes: true }),
  stat: (path) => stat(path),
  realpath: (path) => realpath(path),
};
