import type { DuplicatesState } from './state.js';

/** The Sync screen shows the count only when something is owed. */
export const selectChecksToCleanUp = (s: DuplicatesState): number => s.checksToCleanUp ?? 0;
