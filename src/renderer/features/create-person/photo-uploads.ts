import type { PhotoUploadInput } from '../../../shared/domain/persons.js';
import type { ChosenPhoto } from './read-photo-file.js';

/** Why the chosen photos cannot be sent yet, or null when they can. */
export function photosProblem(photos: readonly ChosenPhoto[]): string | null {
  if (photos.length === 0) return 'Add at least one photo.';
  if (photos.some((p) => p.prepared === null)) return 'Wait until every photo is checked.';
  const refused = photos.find((p) => p.prepared?.ok === false);
  if (refused) return `Remove ${refused.fileName}: it cannot be used.`;
  const untagged = photos.find((p) => p.tags.length === 0);
  if (untagged) return `Choose at least one tag for ${untagged.fileName}.`;
  return null;
}

export function toUploads(photos: readonly ChosenPhoto[]): readonly PhotoUploadInput[] {
  return photos.map((p) => ({ fileName: p.fileName, base64: p.base64, tags: p.tags }));
}
