import type { DuplicateCandidate, DuplicateCheckSummary } from '../../shared/domain/duplicates.js';
import type { PhotoQuality } from '../../shared/domain/quality.js';
import type { OzTag } from '../../shared/domain/tags.js';
import type { CropRegion } from '../images/auto-crop.js';
import type { RefusalReason } from '../images/refusal.js';

export interface PersonName {
  readonly first: string;
  readonly middle: string;
  readonly last: string;
}

export type DuplicateReason = 'duplicate_in_batch' | 'already_enrolled' | 'already_queued';

/** A file that belongs to a person but is refused or duplicate keeps its place in that person's list. */
export interface PhotoReport {
  readonly path: string;
  readonly fileName: string;
  readonly status: 'accepted' | 'refused' | 'duplicate';
  readonly reason?: RefusalReason | DuplicateReason;
  readonly message?: string;
  readonly sha256?: string;
  readonly width?: number;
  readonly height?: number;
  readonly tags: readonly OzTag[];
  readonly notes?: readonly string[];
  /** Path of the first photo in this batch with the same output hash. */
  readonly duplicateOf?: string;
  /** The face-quality verdict on the output photo (when the scan had a detector). */
  readonly quality?: PhotoQuality;
  /** The auto-crop around a small face; enrolling processes the file with the same crop. */
  readonly crop?: CropRegion;
}

export interface PersonReport {
  /** Stable within one report: the folder path relative to the root, or "row N" of the manifest. */
  readonly key: string;
  readonly name: PersonName;
  readonly externalId?: string;
  readonly photos: readonly PhotoReport[];
  /** Persons already in the collection this one may be, best first (filled in after the scan by the 1:N check). */
  readonly possibleDuplicates?: readonly DuplicateCandidate[];
}

export type StrayReason = 'not_in_person_folder' | 'not_in_manifest';

/** A file that belongs to no person: it is listed, never processed. */
export interface StrayFile {
  readonly path: string;
  readonly fileName: string;
  readonly reason: StrayReason;
  readonly message: string;
}

export type ProblemKind = 'unreadable_folder' | 'symlink_loop' | 'manifest_error' | 'unnamed_folder';

export interface ScanProblem {
  readonly path: string;
  readonly kind: ProblemKind;
  readonly message: string;
  /** Manifest line the problem is about. */
  readonly line?: number;
}

export interface ScanCounts {
  readonly persons: number;
  readonly photosAccepted: number;
  /** Refused photos of persons plus stray files. */
  readonly photosRefused: number;
  readonly duplicates: number;
  /** Accepted photos the face-quality checks flagged (enrolled only when the operator accepts them). */
  readonly flagged: number;
}

/** The dry run: metadata and hashes only, never image bytes, so 10,000 files stay small. */
export interface ScanReport {
  readonly root: string;
  readonly layout: 'folders' | 'manifest';
  readonly persons: readonly PersonReport[];
  readonly refused: readonly StrayFile[];
  readonly problems: readonly ScanProblem[];
  readonly counts: ScanCounts;
  /** True when the scan was cancelled: the report covers only the files finished before. */
  readonly cancelled: boolean;
  /** How the 1:N duplicate check went; absent when none ran. */
  readonly duplicateCheck?: DuplicateCheckSummary;
}

export interface ScanProgress {
  readonly phase: 'scanning' | 'processing' | 'checking';
  readonly done: number;
  readonly total: number;
  readonly current?: string;
}
