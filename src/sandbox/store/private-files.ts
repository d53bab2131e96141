import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

// The sandbox holds biometric photos: its folders are 0700 and its files 0600, even when
// the folder already existed with looser modes (mkdir's mode only applies to new folders).
// Mirrors the desk's own helper on purpose: the sandbox imports nothing from core.

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
