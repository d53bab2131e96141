import type { OzTag } from '../../../shared/domain/tags.js';

export interface EnrollmentPhoto {
  readonly jpeg: Uint8Array;
  readonly sha256: string;
  readonly tags: readonly OzTag[];
}

/** One person's enrollment, ready to leave the desk: processed photos and `person:meta_data`. */
export interface Enrollment {
  /** The desk's UUID, also in `metaData.enrollment.id`. */
  readonly enrollmentId: string;
  readonly collectionId: string;
  readonly metaData: Readonly<Record<string, unknown>>;
  readonly photos: readonly EnrollmentPhoto[];
  /** Add the photos to this existing person instead of creating one (resuming an import). */
  readonly targetPersonId?: string;
}

export type SubmitResult =
  | { readonly status: 'enrolled'; readonly personId: string }
  | { readonly status: 'queued'; readonly itemId: string; readonly itemIds: readonly string[] };

export interface SubmitHooks {
  /** Called after each request the server confirmed, with the photos it now holds. */
  readonly onConfirmed?: (personId: string, sha256s: readonly string[]) => void;
  readonly signal?: AbortSignal;
}

/**
 * Where enrollments go. The product has one: the durable queue, sent by the sync worker
 * (app, browser mode and CLI alike); tests may wait for that worker before answering.
 */
export interface EnrollmentSink {
  submit(enrollment: Enrollment, hooks?: SubmitHooks): Promise<SubmitResult>;
}

/** Oz takes at most this many files in one person or person-images request. */
export const FILES_PER_REQUEST = 10;

/** The name a photo has on the server: its hash, so a later import recognises it (and no personal file name leaks). */
export const uploadNameOf = (sha256: string): string => `${sha256}.jpg`;

const UPLOAD_NAME = /^([0-9a-f]{64})\.jpg$/;
export function hashOfUploadName(name: string | null): string | null {
  return name === null ? null : (UPLOAD_NAME.exec(name)?.[1] ?? null);
}
