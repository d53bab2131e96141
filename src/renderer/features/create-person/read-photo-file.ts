import type { PreparedPhoto } from '../../../shared/domain/persons.js';
import type { OzTag } from '../../../shared/domain/tags.js';
import { t } from '../../i18n/index.js';

/** A chosen file, read and checked by main's photo pipeline, with the tags the operator settled on. */
export interface ChosenPhoto {
  readonly key: string;
  readonly fileName: string;
  readonly base64: string;
  /** For the preview only; the server gets main's processed copy. */
  readonly objectUrl: string;
  readonly prepared: PreparedPhoto | null;
  readonly tags: readonly OzTag[];
}

/** The file's bytes as base64 (without the `data:` prefix), for the IPC contract. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(t('photos.problem.unreadable')));
    reader.readAsDataURL(file);
  });
}
