import type { DuplicateCleanupStatus } from '../../../../shared/domain/duplicates.js';

/** Mirrored from main (`duplicates:changed`); never persisted in the renderer. */
export interface DuplicatesState {
  /** "Checks to clean up": earlier 1:N checks whose analysis is not deleted yet; null until main told us. */
  readonly checksToCleanUp: number | null;
}

export interface DuplicatesActions {
  loadCleanupStatus(): Promise<void>;
  cleanupChanged(status: DuplicateCleanupStatus): void;
}

export type DuplicatesSlice = DuplicatesState & DuplicatesActions;

export const initialDuplicatesState: DuplicatesState = { checksToCleanUp: null };
