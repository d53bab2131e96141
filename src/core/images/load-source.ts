import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { PhotoLimits } from './photo-limits.js';
import { refuse, type PhotoRefusal } from './refusal.js';

/**
 * What the source file was when it was read: enough to tell later whether it changed
 * (size and mtime first, the hash when those are in doubt).
 */
export interface SourceFingerprint {
  readonly size: number;
  /** Null for bytes that came from memory (a webcam frame), not from a file. */
  readonly mtimeMs: number | null;
  /** Hex SHA-256 of the bytes the pipeline decoded. */
  readonly sourceSha256: string;
}

/** A file, or bytes already in memory (with their file's fingerprint when they were read from one). */
export type PhotoInput = { readonly bytes: Buffer; readonly source?: SourceFingerprint } | { readonly path: string };

export interface LoadedSource {
  readonly ok: true;
  readonly bytes: Buffer;
  readonly source: SourceFingerprint;
}

const MB = 1024 * 1024;

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'The file (or the file its shortcut points to) no longer exists: it was moved or deleted.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: this account may not read the file.';
    case 'ELOOP':
      return 'The file is a shortcut (symbolic link) that points back to itself.';
    default:
      return `The file could not be read (${code ?? 'unknown error'}).`;
  }
}

function checkSize(size: number, limits: PhotoLimits): PhotoRefusal | null {
  if (size === 0) return refuse('empty_file', 'The file is empty (0 bytes): the copy or download probably failed.');
  if (size > limits.maxFileBytes) {
    return refuse(
      'too_large_file',
      `The file is ${(size / MB).toFixed(1)} MB; photos over ${limits.maxFileBytes / MB} MB are refused. Use a normal camera photo.`,
    );
  }
  return null;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function loadFile(path: string, limits: PhotoLimits): Promise<LoadedSource | PhotoRefusal> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return refuse('unreadable', 'This is a folder, not a photo file.');
    // FIFOs, sockets and devices would block or never end: refuse without opening them.
    if (!info.isFile()) return refuse('unreadable', 'This is not a regular file (a pipe, socket or device), so it cannot be read as a photo.');
    const sizeRefusal = checkSize(info.size, limits);
    if (sizeRefusal) return sizeRefusal;
    const bytes = await readFile(path);
    // The file may have grown since the stat: the limit holds for what was read.
    const grown = checkSize(bytes.length, limits);
    if (grown) return grown;
    return { ok: true, bytes, source: { size: info.size, mtimeMs: info.mtimeMs, sourceSha256: sha256(bytes) } };
  } catch (err) {
    return refuse('unreadable', describeFsError(err));
  }
}

/**
 * Reads the source once: the size is checked with stat before anything is read (a huge file
 * costs nothing), then the whole file comes into memory and every later step works on it.
 */
export async function loadSource(input: PhotoInput, limits: PhotoLimits): Promise<LoadedSource | PhotoRefusal> {
  if ('path' in input) return loadFile(input.path, limits);
  const sizeRefusal = checkSize(input.bytes.length, limits);
  if (sizeRefusal) return sizeRefusal;
  const source = input.source ?? { size: input.bytes.length, mtimeMs: null, sourceSha256: sha256(input.bytes) };
  return { ok: true, bytes: input.bytes, source };
}
