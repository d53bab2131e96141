import { z } from 'zod';
import { noInput } from './no-input.js';

export const deskResetResultSchema = z.object({
  queueItems: z.number().int().nonnegative(),
  unsyncedDiscarded: z.number().int().nonnegative(),
  cacheRows: z.number().int().nonnegative(),
  secretsRemoved: z.number().int().nonnegative(),
  stagedPhotos: z.number().int().nonnegative(),
});
export type DeskResetResult = z.infer<typeof deskResetResultSchema>;

export const staleSyncVerdictSchema = z.object({ level: z.enum(['ok', 'warn', 'block']), message: z.string() });

export const deskChannels = {
  /** Enrollments accepted but not on the server: what a reset would lose. */
  'desk:unsynced': { input: noInput, output: z.object({ unsynced: z.number().int().nonnegative() }) },
  /** Refused (CONFLICT, details.unsynced) unless `confirmUnsynced` equals the unsynced count. */
  'desk:reset': {
    input: z.object({ confirmUnsynced: z.number().int().nonnegative().optional() }).strict(),
    output: deskResetResultSchema,
  },
  'desk:staleSync': { input: noInput, output: staleSyncVerdictSchema },
} as const;
