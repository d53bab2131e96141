import type { CollectionChoice } from '../../../../shared/domain/enroll.js';
import type { QueueItemState, QueueItemView, SyncStatus } from '../../../../shared/domain/queue.js';
import type { OzTag } from '../../../../shared/domain/tags.js';
import type { AppError } from '../../../../shared/result.js';

/** Items shown in the dashboard's table (oldest first). */
export const SYNC_TABLE_LIMIT = 200;

/** Mirrored from main (`queue:changed`); never persisted in the renderer. */
export interface SyncState {
  /** null until main has told us. */
  readonly syncStatus: SyncStatus | null;
  readonly queueItems: readonly QueueItemView[];
  /** Table filter; null shows every state. */
  readonly queueFilter: QueueItemState | null;
  readonly queueLoading: boolean;
  /** The item whose retry or discard is on its way. */
  readonly queueItemBusy: string | null;
  readonly syncError: AppError | null;
  /** `elsewhere`: the items made for another server or account instead of this one's. */
  readonly queueWhere: 'here' | 'elsewhere';
  /** The signed-in server's collections, to move a stuck item to; null until listed. */
  readonly moveChoices: readonly CollectionChoice[] | null;
}

export interface SyncActions {
  loadSyncStatus(): Promise<void>;
  loadQueueItems(): Promise<void>;
  setQueueFilter(filter: QueueItemState | null): Promise<void>;
  syncChanged(status: SyncStatus): void;
  syncNow(): Promise<void>;
  /** Back to the queue, optionally with corrected tags by photo SHA-256. */
  retryQueueItem(itemId: string, tags?: Readonly<Record<string, readonly OzTag[]>>): Promise<boolean>;
  discardQueueItem(itemId: string): Promise<boolean>;
  setQueueWhere(where: 'here' | 'elsewhere'): Promise<void>;
  loadMoveChoices(): Promise<void>;
  /** Sends an unsent enrollment to another collection (on the server signed in now when asked); it keeps its UUID. */
  retargetQueueItem(itemId: string, collectionId: string, toCurrentServer: boolean): Promise<boolean>;
  /** The CSV text and its file name, or null (the error is in `syncError`). */
  exportQueueCsv(): Promise<{ readonly fileName: string; readonly csv: string } | null>;
  clearSyncError(): void;
}

export type SyncSlice = SyncState & SyncActions;

export const initialSyncState: SyncState = {
  syncStatus: null,
  queueItems: [],
  queueFilter: null,
  queueLoading: false,
  queueItemBusy: null,
  syncError: null,
  queueWhere: 'here',
  moveChoices: null,
};
