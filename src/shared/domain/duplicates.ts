import { z } from 'zod';

// The 1:N duplicate check before enrolling: who a new face may already be, how the desk
// found out, and what the operator chose.

const nameSchema = z.object({ first: z.string(), middle: z.string(), last: z.string() });

export const duplicateSourceSchema = z.enum([
  /** Oz's own COLLECTION analysis matched the face. */
  'collection_analysis',
  /** Offline: a person of the same (normalised) name in the desk's copy of the collection. */
  'name_index',
]);
export type DuplicateSource = z.infer<typeof duplicateSourceSchema>;

export const duplicateCandidateSchema = z.object({
  personId: z.string(),
  /** Null when the server and the desk's cache do not know the name. */
  name: nameSchema.nullable(),
  /** Oz's confidence 0..1; null for a name match or when Oz gives none. */
  score: z.number().min(0).max(1).nullable(),
  via: duplicateSourceSchema,
  /** The photo of the new person that matched (collection analysis only). */
  fileName: z.string().nullable(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const duplicateCheckStateSchema = z.enum([
  /** Every accepted face was checked with Oz. */
  'done',
  /** Some faces could not be checked (see `message`). */
  'partial',
  /** The server could not be reached: only the desk's hash and name index were used. */
  'offline',
  /** Turned off in the settings (or by policy). */
  'off',
  /** The account may not start Collection analyses. */
  'not_permitted',
]);
export type DuplicateCheckState = z.infer<typeof duplicateCheckStateSchema>;

export const duplicateCheckSummarySchema = z.object({
  state: duplicateCheckStateSchema,
  /** Faces Oz checked. */
  checked: z.number().int().nonnegative(),
  /** Faces whose check failed. */
  failed: z.number().int().nonnegative(),
  /** Checks whose analysis could not be deleted yet (the next sync retries). */
  cleanupPending: z.number().int().nonnegative(),
  message: z.string().nullable(),
});
export type DuplicateCheckSummary = z.infer<typeof duplicateCheckSummarySchema>;

/** What the operator chose for a person the check flagged. */
export const duplicateChoiceSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), personId: z.string().min(1).max(200) }).strict(),
  z
    .object({
      action: z.literal('new'),
      note: z.string().trim().min(3, 'Say briefly why this is a new person.').max(500),
    })
    .strict(),
  z.object({ action: z.literal('skip') }).strict(),
]);
export type DuplicateChoice = z.infer<typeof duplicateChoiceSchema>;

export const duplicateCleanupStatusSchema = z.object({
  /** "Checks to clean up": analyses of earlier checks not deleted yet. */
  pending: z.number().int().nonnegative(),
});
export type DuplicateCleanupStatus = z.infer<typeof duplicateCleanupStatusSchema>;

/** A photo of the form or webcam the desk already holds, by its hash (the offline fallback too). */
export const samePhotoSchema = z.object({
  /** 1-based, as the form numbers photos. */
  photo: z.number().int().positive(),
  reason: z.enum(['already_enrolled', 'already_queued']),
  /** The person the desk enrolled it for; null while it waits in the queue. */
  personId: z.string().nullable(),
});
export type SamePhoto = z.infer<typeof samePhotoSchema>;

/** The 1:N check of one person (form or webcam) before "Enroll", kept in main by its id. */
export const personDuplicateCheckSchema = z.object({
  checkId: z.string().uuid(),
  summary: duplicateCheckSummarySchema,
  /** Who the person may already be, best first; empty when nobody. */
  candidates: z.array(duplicateCandidateSchema).readonly(),
  samePhotos: z.array(samePhotoSchema).readonly(),
});
export type PersonDuplicateCheck = z.infer<typeof personDuplicateCheckSchema>;
