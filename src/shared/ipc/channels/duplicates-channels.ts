import { duplicateCleanupStatusSchema } from '../../domain/duplicates.js';
import { noInput } from './no-input.js';

export const duplicatesChannels = {
  /** "Checks to clean up": 1:N checks whose analysis the server has not deleted yet. */
  'duplicates:cleanupStatus': { input: noInput, output: duplicateCleanupStatusSchema },
} as const;

export const duplicatesEvents = {
  'duplicates:changed': duplicateCleanupStatusSchema,
} as const;
