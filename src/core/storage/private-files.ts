import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

// The desk keeps biometric data and names: its folders are 0700 and its files 0600, even
// when a folder already existed with looser modes (mkdir's mode applies to new folders only).
// Windows ignores these modes; there the per-user profile folder protects the data.

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the file empty when missing; either way leaves it 0600. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Tightens files another component created (SQLite's -wal and -shm) if they exist. */
export function restrictFiles(files: readonly string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, 0o600);
}

/**
 * Prepares a SQLite database file before opening it: SQLite gives the -wal and -shm files
 * the database file's mode, so a 0600 database keeps its journal private too.
 */
export function preparePrivateDatabase(dir: string, file: string): void {
  ensurePrivateDir(dir);
  ensurePrivateFile(file);
  restrictFiles([`${file}-wal`, `${file}-shm`]);
}
