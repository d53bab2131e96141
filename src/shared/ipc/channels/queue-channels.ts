import { z } from 'zod';
import {
  queueCsvSchema,
  queueItemRefSchema,
  queueItemViewSchema,
  queueListInputSchema,
  queueRetargetInputSchema,
  queueRetryInputSchema,
  syncStatusSchema,
} from '../../domain/queue.js';
import { noInput } from './no-input.js';

export const queueChannels = {
  'queue:status': { input: noInput, output: syncStatusSchema },
  /** Oldest first; names are decrypted for display only. */
  'queue:list': { input: queueListInputSchema, output: z.array(queueItemViewSchema).readonly() },
  /** A quarantined or waiting item back to the front, optionally with fixed tags. */
  'queue:retry': { input: queueRetryInputSchema, output: z.object({ retried: z.boolean() }) },
  /**
   * Moves an unsent enrollment (and the photos queued for it) to another collection, on its
   * own server or the one signed in now; it keeps its enrollment UUID. Audited.
   */
  'queue:retarget': { input: queueRetargetInputSchema, output: z.object({ moved: z.literal(true) }) },
  /** Drops an unsent item and its photos (never a syncing or done one). */
  'queue:discard': { input: queueItemRefSchema, output: z.object({ discarded: z.boolean() }) },
  /** Starts sending now (skips back-off waits); progress arrives as `queue:changed`. */
  'queue:syncNow': { input: noInput, output: syncStatusSchema },
  'queue:exportCsv': { input: noInput, output: queueCsvSchema },
} as const;

export const queueEvents = {
  'queue:changed': syncStatusSchema,
} as const;
