import type { OzTag } from '../../../shared/domain/tags.js';
import type { PhotoStaging } from '../../queue/index.js';

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

/** A photo of a confirmed dry run: the one it staged, or new bytes (a crop made at confirm). */
export type StagedEnrollmentPhoto = ({ readonly stagedId: string } | { readonly jpeg: Uint8Array }) & {
  readonly sha256: string;
  readonly tags: readonly OzTag[];
};

/** One confirmed person of a dry run, from its staged photos. */
export interface StagedEnrollment extends Omit<Enrollment, 'photos'> {
  readonly photos: readonly StagedEnrollmentPhoto[];
}

export interface StagedSubmitResult {
  /** Null when nothing of it was queued: every photo gone (`missing`), or it failed (`error`). */
  readonly submitted: SubmitResult | null;
  /** Photos (by SHA-256) no longer staged, so not queued. */
  readonly missing: readonly string[];
  /** Why it failed, from a sink that answers once the server decided. */
  readonly error?: unknown;
}

/**
 * Where enrollments go. The product has one: the durable queue, sent by the sync worker
 * (app, browser mode and CLI alike); tests may wait for that worker before answering.
 */
export interface EnrollmentSink {
  submit(enrollment: Enrollment, hooks?: SubmitHooks): Promise<SubmitResult>;
  /** Where the dry run stages its photos (the queue's blob store). */
  readonly staging: PhotoStaging;
  /** A whole confirmed dry run at once (the queue: one transaction); one result per enrollment, in order. */
  submitStaged(batch: readonly StagedEnrollment[]): Promise<readonly StagedSubmitResult[]>;
}

/** Oz takes at most this many files in one person or person-images request. */
export const FILES_PER_REQUEST = 10;

/** The name a photo has on the server: its hash, so a later import recognises it (and no personal file name leaks). */
export const uploadNameOf = (sha256: string): string => `${sha256}.jpg`;

const UPLOAD_NAME = /^([0-9a-f]{64})\.jpg$/;
export function hashOfUploadName(name: string | null): string | null {
  return name === null ? null : (UPLOAD_NAME.exec(name)?.[1] ?? null);
}
