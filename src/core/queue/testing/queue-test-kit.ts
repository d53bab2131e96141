import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { QueuePhotoInput } from '../queue-types.js';

// Helpers shared by the queue's unit, fault and kill suites.

/** A small JPEG of random colour blocks: every call gives a distinct image. */
export async function distinctJpeg(size = 32): Promise<Buffer> {
  const cells = randomBytes(4 * 4 * 3);
  return sharp(cells, { raw: { width: 4, height: 4, channels: 3 } })
    .resize(size, size, { kernel: 'nearest' })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function photoOf(jpeg: Buffer, fileName: string, tags: readonly string[] = ['photo_selfie']): QueuePhotoInput {
  return { jpeg, sha256: sha256Of(jpeg), tags, fileName };
}

export async function photos(count: number, prefix = 'photo'): Promise<QueuePhotoInput[]> {
  const out: QueuePhotoInput[] = [];
  for (let i = 0; i < count; i += 1) out.push(photoOf(await distinctJpeg(), `${prefix}-${i}.jpg`));
  return out;
}

export function tempDir(label: string): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `enroll-desk-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function personMeta(first: string, last: string, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { person_info: { first_name: first, last_name: last }, enrollment: { desk: 'desk-1', operator: 'op-1', consent: true }, ...extra };
}
