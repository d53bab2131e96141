import type { CollectionChoice } from '../../../../shared/domain/enroll.js';
import type { QueueItemState, QueueItemView, SyncStatus } from '../../../../shared/domain/queue.js';
import type { OzTag } from '../../../../shared/domain/tags.js';
import type { AppError } from '../../../../shared/result.js';

/** Items shown in the dashboard's table (oldest first). */
export const SYNC_TABLE_LIMIT = 200;

/** Most unsent items the persons lists' "waiting to sync" rows are drawn from (the queue's page maximum). */
export const UNSENT_LIMIT = 500;

/** An enrollment the operator just saved, followed until the server has it. */
export interface TrackedItem {
  /** The first load of unsent items that started after it was saved. */
  readonly sinceLoad: number;
  /** `arrived`: the server has it (no longer unsent); `attention`: quarantined. */
  readonly state: 'waiting' | 'attention' | 'arrived';
}

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
  /** This server's enrollments not on it yet (each persons list shows its own as waiting to sync). */
  readonly unsentItems: readonly QueueItemView[];
  /** Enrollments saved from this window, by queue item id, until they arrive. */
  readonly trackedItems: Readonly<Record<string, TrackedItem>>;
  /** Counts loads of unsent items, so an answer older than a saved item cannot say it arrived. */
  readonly unsentLoads: number;
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
  /** Lists the unsent items again (on every queue change while a screen shows them). */
  loadUnsent(): Promise<void>;
  /** Follows a just-saved item until it arrives; its wording on screen follows its state. */
  trackItem(itemId: string): Promise<void>;
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
  unsentItems: [],
  trackedItems: {},
  unsentLoads: 0,
};
