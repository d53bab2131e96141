import { z } from 'zod';

/** Every operator action the desk records, plus the log's own housekeeping entries. */
export const auditActions = [
  'signIn',
  'signOut',
  'sessionRestored',
  'collectionCreated',
  'collectionDeleted',
  'personCreated',
  'personDeleted',
  'photoAdded',
  'photoDeleted',
  'analysisDeleted',
  'importConfirmed',
  'queueItemRetried',
  'queueItemDiscarded',
  'queueItemRetargeted',
  'consentConfirmed',
  'qualityOverridden',
  'duplicateChecked',
  'duplicateOverridden',
  'deskReset',
  'retentionPurged',
  /** At start: the managed policy in force (its SHA-256 and file in the note), or none. */
  'policyApplied',
  'checkpoint',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditOutcomes = ['done', 'queued', 'failed'] as const;
export const auditOutcomeSchema = z.enum(auditOutcomes);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

// Ids only: no spaces, so a person's name cannot pass for an id.
export const auditIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:@-]+$/, 'must be an id (letters, digits, . _ : @ -)');

export const auditTargetsSchema = z
  .object({
    collectionId: auditIdSchema,
    personId: auditIdSchema,
    enrollmentId: auditIdSchema,
    photoId: auditIdSchema,
    analysisId: auditIdSchema,
    queueItemId: auditIdSchema,
  })
  .partial()
  .strict();
export type AuditTargets = z.infer<typeof auditTargetsSchema>;

/** Numbers only, under short camelCase names (e.g. `{ persons: 12, photos: 30 }`). */
export const auditCountsSchema = z.record(z.string().regex(/^[a-z][A-Za-z]{0,31}$/), z.number().int().nonnegative()).refine(
  (counts) => Object.keys(counts).length <= 16,
  'at most 16 counts',
);
export type AuditCounts = z.infer<typeof auditCountsSchema>;

// The operator's note (500) plus the list of overridden check codes.
export const OVERRIDE_NOTE_MAX = 800;

/**
 * What a caller records. Desk, operator and time are filled in by the log. The only free
 * text is the operator's override note (the UI warns that it must not contain names).
 */
export const auditInputSchema = z
  .object({
    action: auditActionSchema.exclude(['checkpoint']),
    targets: auditTargetsSchema.default({}),
    outcome: auditOutcomeSchema,
    errorCode: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).nullable().default(null),
    counts: auditCountsSchema.nullable().default(null),
    note: z.string().trim().min(1).max(OVERRIDE_NOTE_MAX).nullable().default(null),
    /** Only when the operator is not the signed-in account (e.g. a failed sign-in attempt). */
    operator: z.string().min(1).max(320).regex(/^\S+$/).nullable().optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const overridden = entry.action === 'qualityOverridden' || entry.action === 'duplicateOverridden';
    if (entry.note !== null && !overridden && entry.action !== 'policyApplied') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'only a quality or duplicate override, or the policy in force, carries a note' });
    }
    if (overridden && entry.note === null) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'an override needs a note' });
    }
    if ((entry.outcome === 'failed') !== (entry.errorCode !== null)) {
      ctx.addIssue({ code: 'custom', path: ['errorCode'], message: 'an error code goes with, and only with, a failed outcome' });
    }
  });
export type AuditInput = z.input<typeof auditInputSchema>;

/** A purge summary: what was removed from the head of the chain, signed with the desk's audit key. */
export const auditCheckpointSchema = z
  .object({
    purgedCount: z.number().int().nonnegative(),
    purgedThroughSeq: z.number().int().nonnegative(),
    purgedLastHash: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

const nullableId = auditIdSchema.nullable();

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  /** Epoch milliseconds. */
  at: z.number().int().nonnegative(),
  desk: z.string(),
  operator: z.string().nullable(),
  action: auditActionSchema,
  collectionId: nullableId,
  personId: nullableId,
  enrollmentId: nullableId,
  photoId: nullableId,
  analysisId: nullableId,
  queueItemId: nullableId,
  outcome: auditOutcomeSchema,
  errorCode: z.string().nullable(),
  counts: auditCountsSchema.nullable(),
  note: z.string().nullable(),
  checkpoint: auditCheckpointSchema.nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_MAX = 1000;

export const auditQuerySchema = z
  .object({
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
    operator: z.string().trim().min(1).max(320).optional(),
    action: auditActionSchema.optional(),
    /** Matches any of the entry's target ids. */
    target: z.string().trim().min(1).max(128).optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
    offset: z.number().int().nonnegative().default(0),
  })
  .strict();
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int().nonnegative(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    firstBroken: z.number().int(),
    reason: z.string(),
    /** Entries cut from the end of the log, as the head seal tells. */
    missing: z.number().int().positive().optional(),
  }),
]);
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

export const auditExportFormats = ['csv', 'json'] as const;
export const auditExportInputSchema = z
  .object({
    format: z.enum(auditExportFormats),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  })
  .strict();

export const auditExportResultSchema = z.object({ path: z.string(), entries: z.number().int().nonnegative() });
export type AuditExportResult = z.infer<typeof auditExportResultSchema>;
