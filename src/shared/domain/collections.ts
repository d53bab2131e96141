import { z } from 'zod';

const id = z.string().min(1).max(200);

export const companySchema = z.object({ companyId: id, name: z.string().max(500) });
export type Company = z.infer<typeof companySchema>;

export const collectionSummarySchema = z.object({
  collectionId: id,
  alias: z.string(),
  companyId: z.string().nullable(),
  /** Known when the company was seen in a search on this desk. */
  companyName: z.string().nullable(),
  /** Epoch seconds. */
  timeCreated: z.number().nullable(),
  /** Null when the server does not say and the desk could not count it (too many to page through, or unreadable). */
  personsCount: z.number().int().nullable(),
});
export type CollectionSummary = z.infer<typeof collectionSummarySchema>;

/** Where data came from: the server now, or the desk's read-only cache when the server cannot be reached. */
export const freshnessSchema = z.object({
  /** Epoch milliseconds of the data shown. */
  asOf: z.number(),
  offline: z.boolean(),
  /** Why the server could not be reached; null when online. */
  offlineReason: z.string().nullable(),
});
export type Freshness = z.infer<typeof freshnessSchema>;

export const collectionListSchema = freshnessSchema.extend({ collections: z.array(collectionSummarySchema).readonly() });
export type CollectionList = z.infer<typeof collectionListSchema>;

export const companySearchInputSchema = z.object({ text: z.string().max(200) }).strict();

export const createCollectionInputSchema = z
  .object({ alias: z.string().trim().min(1, 'Enter an alias.').max(200), company: companySchema })
  .strict();
export type CreateCollectionInput = z.infer<typeof createCollectionInputSchema>;

export const collectionRefSchema = z.object({ collectionId: id }).strict();

/** What deleting a collection will remove, counted before the operator confirms. */
export const deletionPreviewSchema = z.object({
  collectionId: id,
  alias: z.string(),
  persons: z.number().int(),
  photos: z.number().int(),
  analyses: z.number().int(),
});
export type DeletionPreview = z.infer<typeof deletionPreviewSchema>;

export const startDeletionInputSchema = z.object({ collectionId: id, confirmAlias: z.string().max(200) }).strict();

export const deletionPhaseSchema = z.enum(['listing', 'deleting-persons', 'deleting-collection', 'done']);

export const deletionJobSchema = z.object({
  jobId: id,
  collectionId: id,
  alias: z.string().nullable(),
  phase: deletionPhaseSchema,
  done: z.number().int(),
  total: z.number().int(),
  deletedAnalyses: z.number().int(),
  lastError: z.string().nullable(),
  /** True while this desk is working on it; false when it waits to be resumed. */
  running: z.boolean(),
});
export type DeletionJobView = z.infer<typeof deletionJobSchema>;
