import { MAX_PHOTOS_PER_CREATE, type PhotoUploadInput } from '../../../../shared/domain/persons.js';

// The browser-mode socket takes 32 MB per message; stay well under it.
const MAX_BATCH_CHARS = 20 * 1024 * 1024;

/** Splits photos into requests of at most ten photos and ~20 MB of base64 each. */
export function uploadBatches(photos: readonly PhotoUploadInput[]): readonly (readonly PhotoUploadInput[])[] {
  const batches: PhotoUploadInput[][] = [];
  let current: PhotoUploadInput[] = [];
  let chars = 0;
  for (const photo of photos) {
    const full = current.length >= MAX_PHOTOS_PER_CREATE || (current.length > 0 && chars + photo.base64.length > MAX_BATCH_CHARS);
    if (full) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(photo);
    chars += photo.base64.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
