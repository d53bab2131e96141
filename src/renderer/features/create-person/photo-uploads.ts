import type { PhotoUploadInput } from '../../../shared/domain/persons.js';
import { t } from '../../i18n/index.js';
import type { ChosenPhoto } from './read-photo-file.js';

/** Why the chosen photos cannot be sent yet, or null when they can. */
export function photosProblem(photos: readonly ChosenPhoto[]): string | null {
  if (photos.length === 0) return t('photos.problem.none');
  if (photos.some((p) => p.prepared === null)) return t('photos.problem.checking');
  const refused = photos.find((p) => p.prepared?.ok === false);
  if (refused) return t('photos.problem.refused', { file: refused.fileName });
  const untagged = photos.find((p) => p.tags.length === 0);
  if (untagged) return t('photos.problem.untagged', { file: untagged.fileName });
  return null;
}

export function toUploads(photos: readonly ChosenPhoto[]): readonly PhotoUploadInput[] {
  return photos.map((p) => ({ fileName: p.fileName, base64: p.base64, tags: p.tags }));
}
