import { z } from 'zod';
import { deskScopeSchema } from './desk-scope.js';
import { ozTagListSchema } from './tags.js';

// The offline queue as the renderer sees it: counts, connectivity and items, never photo bytes.

export const QUEUE_ITEM_STATES = ['ready', 'syncing', 'done', 'retry_wait', 'quarantined'] as const;
export const queueItemStateSchema = z.enum(QUEUE_ITEM_STATES);
export type QueueItemState = z.infer<typeof queueItemStateSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const syncStatusSchema = z.object({
  /** Of the server and account signed in (or last signed in); `elsewhere`: unfinished items made for any other. */
  counts: z.object({ ready: count, syncing: count, retryWait: count, quarantined: count, doneToday: count, elsewhere: count }),
  /** ready + syncing + waiting to retry: accepted but not yet on the server. */
  pending: count,
  oldestPendingAgeMs: z.number().nonnegative().nullable(),
  lastSuccessfulSyncAt: z.number().nullable(),
  connectivity: z.enum(['online', 'offline', 'unknown']),
  pausedReason: z.enum(['auth', 'certificate', 'not-signed-in']).nullable(),
  pausedMessage: z.string().nullable(),
  running: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const queuePhotoViewSchema = z.object({
  sha256,
  tags: z.array(z.string()).readonly(),
  fileName: z.string().nullable(),
  confirmed: z.boolean(),
});
export type QueuePhotoView = z.infer<typeof queuePhotoViewSchema>;

export const queueItemViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['createPerson', 'addPhotos']),
  state: queueItemStateSchema,
  collectionId: z.string(),
  personId: z.string().nullable(),
  displayName: z.string().nullable(),
  photoCount: count,
  confirmedPhotoCount: count,
  attempts: count,
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().nullable(),
  quarantineReason: z.string().nullable(),
  /** `collection-gone`: its collection was deleted; moving it to another is the way forward. */
  quarantineCode: z.enum(['collection-gone', 'person-gone']).nullable(),
  /** The server and account it was made for (null: made before any was known; the next sign-in adopts it). */
  scope: deskScopeSchema.nullable(),
  createdAt: z.number(),
  doneAt: z.number().nullable(),
  photos: z.array(queuePhotoViewSchema).readonly(),
});
export type QueueItemView = z.infer<typeof queueItemViewSchema>;

export const MAX_QUEUE_PAGE = 500;

export const queueListInputSchema = z
  .object({
    state: queueItemStateSchema.optional(),
    /** `here` (default): the signed-in server and account's items; `elsewhere`: those made for any other. */
    where: z.enum(['here', 'elsewhere']).optional(),
    /** Only items not on the server yet (the persons lists' "waiting to sync"). */
    unsent: z.boolean().optional(),
    limit: z.number().int().min(1).max(MAX_QUEUE_PAGE),
    offset: z.number().int().nonnegative(),
  })
  .strict();

export const queueItemRefSchema = z.object({ itemId: z.string().min(1).max(100) }).strict();

export const queueRetryInputSchema = z
  .object({
    itemId: z.string().min(1).max(100),
    /** Corrected tags by photo SHA-256 (the "fix tags" of a quarantined item). */
    tags: z.record(sha256, ozTagListSchema.refine((t) => t.length > 0, 'Choose at least one tag.')).optional(),
  })
  .strict();

export const queueRetargetInputSchema = z
  .object({
    itemId: z.string().min(1).max(100),
    collectionId: z.string().trim().min(1).max(200),
    /** Re-target to the server and account signed in now (else the item stays on its own server). */
    toCurrentServer: z.boolean(),
  })
  .strict();
export type QueueRetargetInput = z.infer<typeof queueRetargetInputSchema>;

export const queueCsvSchema = z.object({ fileName: z.string(), csv: z.string() });
