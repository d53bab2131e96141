import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { SourceFingerprint } from '../../queue/index.js';

export const FILE_CHANGED = 'the file changed since the dry run; scan again.';
export const FILE_GONE = 'the file is no longer there since the dry run; scan again.';

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The source file as it is now, for a photo whose pipeline read gave no file time. */
export async function fingerprintOf(path: string): Promise<SourceFingerprint> {
  const [info, sourceSha256] = await Promise.all([stat(path), fileSha256(path)]);
  return { size: info.size, mtimeMs: info.mtimeMs, sourceSha256 };
}

/**
 * Why the file is no longer what the dry run staged, or null. Size and mtime decide; the
 * same size with another mtime (a copy, a touch, an edit that kept the length) is settled
 * by hashing the file.
 */
export async function sourceChange(path: string, was: SourceFingerprint): Promise<string | null> {
  const now = await stat(path).catch(() => null);
  if (now === null) return FILE_GONE;
  if (now.size !== was.size) return FILE_CHANGED;
  if (now.mtimeMs === was.mtimeMs) return null;
  const sha = await fileSha256(path).catch(() => null);
  if (sha === null) return FILE_GONE;
  return sha === was.sourceSha256 ? null : FILE_CHANGED;
}
