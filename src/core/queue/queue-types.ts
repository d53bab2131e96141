import type { DeskScope } from '../../shared/domain/desk-scope.js';

// Public shapes of the offline queue (no photo bytes ever leave it through these).

export const queueItemStates = ['ready', 'syncing', 'done', 'retry_wait', 'quarantined'] as const;
export type QueueItemState = (typeof queueItemStates)[number];

export const queueItemKinds = ['createPerson', 'addPhotos'] as const;
export type QueueItemKind = (typeof queueItemKinds)[number];

/** Why an item is quarantined, where the desk can offer a way forward (null: see the reason text). */
export const quarantineCodes = ['collection-gone', 'person-gone'] as const;
export type QuarantineCode = (typeof quarantineCodes)[number];

/** Oz accepts at most this many files in one person/images request. */
export const MAX_FILES_PER_REQUEST = 10;

export interface QueuePhotoInput {
  /** The processed JPEG (output of the image pipeline). */
  readonly jpeg: Uint8Array;
  /** Lower-case hex SHA-256 of `jpeg`; checked on enqueue. */
  readonly sha256: string;
  readonly tags: readonly string[];
  /** The operator's file name, for display only (stored encrypted; never sent). */
  readonly fileName: string;
}

export interface CreatePersonInput {
  readonly collectionId: string;
  /** Becomes `person:meta_data`; `enrollment.id` is set to the enrollment UUID. */
  readonly metaData: Readonly<Record<string, unknown>>;
  /** Defaults to `metaData.enrollment.id`, else a new UUID. */
  readonly enrollmentId?: string;
}

export type AddPhotosInput =
  | { readonly collectionId: string; readonly targetPersonId: string }
  | { readonly collectionId: string; readonly dependsOnEnrollmentId: string };

/** Where a quarantined or stranded item goes instead; it keeps its enrollment UUID. */
export interface RetargetInput {
  readonly itemId: string;
  readonly collectionId: string;
  readonly scope: DeskScope;
}

export interface EnqueueResult {
  readonly itemId: string;
  /** The enrollment UUID (for addPhotos: the one it depends on, if any). */
  readonly enrollmentId: string | null;
  /** False when the same enrollment was already queued (enqueue is idempotent). */
  readonly created: boolean;
}

export interface QueueItemView {
  readonly id: string;
  readonly kind: QueueItemKind;
  readonly state: QueueItemState;
  readonly enrollmentId: string | null;
  readonly dependsOnEnrollmentId: string | null;
  readonly collectionId: string;
  readonly personId: string | null;
  readonly photoCount: number;
  readonly confirmedPhotoCount: number;
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastError: string | null;
  readonly quarantineReason: string | null;
  readonly quarantineCode: QuarantineCode | null;
  /** The server and account the item was made for (null: made before the desk knew one). */
  readonly scope: DeskScope | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly doneAt: number | null;
  /** Only when asked for (`withNames`): decrypted for display, never stored in clear. */
  readonly displayName?: string | null;
  readonly fileNames?: readonly string[];
  /** Only with `withNames`: each photo's hash and tags (what "fix tags" edits). */
  readonly photos?: readonly QueuePhotoView[];
}

export interface QueuePhotoView {
  readonly sha256: string;
  readonly tags: readonly string[];
  readonly fileName: string | null;
  readonly confirmed: boolean;
}

export interface QueueCounts {
  readonly ready: number;
  readonly syncing: number;
  readonly retryWait: number;
  readonly quarantined: number;
  readonly doneToday: number;
  /** Unfinished items made for another server or account: not sent from here. */
  readonly elsewhere: number;
}

export interface QueueStatus {
  readonly counts: QueueCounts;
  /** ready + syncing + retry_wait: accepted but not yet on the server. */
  readonly pending: number;
  readonly oldestPendingAgeMs: number | null;
  readonly lastSuccessfulSyncAt: number | null;
}

export type Connectivity = 'online' | 'offline' | 'unknown';

export type PausedReason = 'auth' | 'certificate' | 'not-signed-in' | null;

export interface SyncStatus extends QueueStatus {
  readonly connectivity: Connectivity;
  readonly pausedReason: PausedReason;
  readonly pausedMessage: string | null;
  readonly running: boolean;
}

/** An item the server has fully confirmed, as the worker reports it once. */
export interface SyncedItem {
  readonly itemId: string;
  readonly kind: QueueItemKind;
  readonly collectionId: string;
  readonly personId: string;
  /** The enrollment it created, or the one it adds photos to (null when it adds to a person chosen by id). */
  readonly enrollmentId: string | null;
  readonly sha256s: readonly string[];
  /** The server and account it was sent to. */
  readonly scope: DeskScope | null;
}

/** A photo for `enqueueStaged`: one the dry run staged (its blob moves to the item), or new bytes (a crop made at confirm). */
export type StagedQueuePhoto = ({ readonly stagedId: string } | { readonly jpeg: Uint8Array }) & {
  /** Lower-case hex SHA-256 of the photo; a staged one must match what was staged. */
  readonly sha256: string;
  readonly tags: readonly string[];
  /** The operator's file name, for display only (stored encrypted; never sent). */
  readonly fileName: string;
};

/**
 * One person of a confirmed dry run: a new person (created with the first 10 photos, the
 * rest added by items depending on its enrollment), or photos added to a person by id.
 */
export type StagedEnrollmentInput =
  | {
      readonly collectionId: string;
      readonly enrollmentId: string;
      /** Becomes `person:meta_data`; `enrollment.id` is set to `enrollmentId`. */
      readonly metaData: Readonly<Record<string, unknown>>;
      readonly photos: readonly StagedQueuePhoto[];
    }
  | { readonly collectionId: string; readonly targetPersonId: string; readonly photos: readonly StagedQueuePhoto[] };

export interface StagedEnqueueResult {
  /** The items made, in order (the person item first); the existing one when this enrollment was queued before. */
  readonly itemIds: readonly string[];
  /** Staged photos (by SHA-256) no longer staged (purged, or queued by an earlier confirm): not queued now. */
  readonly missing: readonly string[];
  /** False when nothing new was queued for it. */
  readonly created: boolean;
}
