import { createHash, randomUUID } from 'node:crypto';
import { sha256Schema, uuidSchema } from './queue-rows.js';
import type { CreatePersonInput, QueuePhotoInput } from './queue-types.js';

// Input checks every enqueue path shares: nothing invalid reaches a transaction.

export function resolveEnrollmentId(input: Pick<CreatePersonInput, 'metaData' | 'enrollmentId'>): string {
  const inMeta = (input.metaData['enrollment'] as { id?: unknown } | undefined)?.id;
  const chosen = input.enrollmentId ?? (typeof inMeta === 'string' ? inMeta : randomUUID());
  if (typeof inMeta === 'string' && inMeta !== chosen) throw new RangeError('enrollmentId differs from metaData.enrollment.id.');
  return uuidSchema.parse(chosen).toLowerCase();
}

export function withEnrollmentId(metaData: Readonly<Record<string, unknown>>, enrollmentId: string): Record<string, unknown> {
  const enrollment = metaData['enrollment'];
  const base = typeof enrollment === 'object' && enrollment !== null ? (enrollment as Record<string, unknown>) : {};
  return { ...metaData, enrollment: { ...base, id: enrollmentId } };
}

/** Hashes well formed, each photo once; bytes (when given) matching their hash. */
export function checkPhotos(photos: readonly (Pick<QueuePhotoInput, 'sha256' | 'fileName'> & { readonly jpeg?: Uint8Array })[]): void {
  if (photos.length === 0) throw new RangeError('At least one photo is required.');
  const seen = new Set<string>();
  for (const p of photos) {
    const sha = sha256Schema.parse(p.sha256);
    if (p.jpeg !== undefined && createHash('sha256').update(p.jpeg).digest('hex') !== sha) throw new RangeError(`Photo ${p.fileName}: sha256 does not match its bytes.`);
    if (seen.has(sha)) throw new RangeError(`Photo ${p.fileName} is given twice.`);
    seen.add(sha);
  }
}

export function nonEmpty(value: string, what: string): string {
  if (value.trim() === '') throw new RangeError(`${what} is required.`);
  return value;
}
