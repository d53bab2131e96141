import { z } from 'zod';
import { consentConfirmationSchema } from './consent.js';
import { duplicateCandidateSchema, duplicateCheckSummarySchema, duplicateChoiceSchema } from './duplicates.js';
import { photoQualitySchema, qualityOverrideSchema } from './quality.js';
import { ozTagListSchema } from './tags.js';

// Shapes of the enrollment contract: folder import (dry run, confirm) and single-person
// enrollment (webcam or form). Mirrors src/core/import/report.ts, which the scanner fills.

const MB = 1024 * 1024;
/** A webcam frame or a picked file as base64: 20 MB of base64 is 15 MB of photo. */
export const MAX_PHOTO_BASE64_CHARS = 20 * MB;
/** Oz accepts at most this many photos per person in one enrollment here. */
export const MAX_PHOTOS_PER_PERSON = 50;

export const personNameSchema = z
  .object({
    first: z.string().trim().max(100),
    middle: z.string().trim().max(100),
    last: z.string().trim().max(100),
  })
  .strict()
  .refine((n) => n.first !== '' || n.last !== '', { message: 'Enter a first or a last name.' });
export type PersonNameInput = z.infer<typeof personNameSchema>;

export const refusalReasonSchema = z.enum([
  'empty_file',
  'too_large_file',
  'unreadable',
  'not_an_image',
  'unsupported_format',
  'truncated',
  'pixel_bomb',
  'too_small',
  'animated',
]);
export type RefusalReasonValue = z.infer<typeof refusalReasonSchema>;
export const duplicateReasonSchema = z.enum(['duplicate_in_batch', 'already_enrolled', 'already_queued']);

const sizeSchema = { width: z.number().int().positive(), height: z.number().int().positive() };

export const photoReportSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  status: z.enum(['accepted', 'refused', 'duplicate']),
  reason: z.union([refusalReasonSchema, duplicateReasonSchema]).optional(),
  message: z.string().optional(),
  sha256: z.string().optional(),
  width: sizeSchema.width.optional(),
  height: sizeSchema.height.optional(),
  tags: ozTagListSchema,
  notes: z.array(z.string()).readonly().optional(),
  duplicateOf: z.string().optional(),
  quality: photoQualitySchema.optional(),
  crop: z.object({ left: z.number().int(), top: z.number().int(), width: z.number().int(), height: z.number().int() }).optional(),
});
export type PhotoReportView = z.infer<typeof photoReportSchema>;

export const personReportSchema = z.object({
  key: z.string(),
  name: z.object({ first: z.string(), middle: z.string(), last: z.string() }),
  externalId: z.string().optional(),
  photos: z.array(photoReportSchema).readonly(),
  /** Persons already in the collection this one may be, best first (the 1:N check). */
  possibleDuplicates: z.array(duplicateCandidateSchema).readonly().optional(),
});
export type PersonReportView = z.infer<typeof personReportSchema>;

export const scanReportSchema = z.object({
  root: z.string(),
  layout: z.enum(['folders', 'manifest']),
  persons: z.array(personReportSchema).readonly(),
  refused: z
    .array(z.object({ path: z.string(), fileName: z.string(), reason: z.enum(['not_in_person_folder', 'not_in_manifest']), message: z.string() }))
    .readonly(),
  problems: z
    .array(
      z.object({
        path: z.string(),
        kind: z.enum(['unreadable_folder', 'symlink_loop', 'manifest_error', 'unnamed_folder']),
        message: z.string(),
        line: z.number().int().optional(),
      }),
    )
    .readonly(),
  counts: z.object({
    persons: z.number().int(),
    photosAccepted: z.number().int(),
    photosRefused: z.number().int(),
    duplicates: z.number().int(),
    flagged: z.number().int(),
  }),
  cancelled: z.boolean(),
  /** How the 1:N duplicate check went; absent when the desk ran none. */
  duplicateCheck: duplicateCheckSummarySchema.optional(),
});
export type ScanReportView = z.infer<typeof scanReportSchema>;

const collectionIdSchema = z.string().trim().min(1).max(200);

export const scanFolderInputSchema = z
  .object({
    path: z.string().trim().min(1).max(4096),
    manifestPath: z.string().trim().min(1).max(4096).optional(),
    collectionId: collectionIdSchema,
  })
  .strict();
export type ScanFolderInput = z.infer<typeof scanFolderInputSchema>;

export const scanIdSchema = z.object({ scanId: z.string().uuid() }).strict();

export const importPhaseSchema = z.enum(['scanning', 'processing', 'checking', 'enrolling']);
export type ImportPhase = z.infer<typeof importPhaseSchema>;

export const importProgressSchema = z.object({
  scanId: z.string(),
  phase: importPhaseSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  current: z.string().optional(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const scanStateSchema = z.enum(['running', 'finished', 'failed']);

const errorViewSchema = z.object({ code: z.string(), message: z.string() });

export const scanResultSchema = z.object({
  scanId: z.string(),
  collectionId: z.string(),
  state: scanStateSchema,
  report: scanReportSchema.nullable(),
  error: errorViewSchema.nullable(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

/** The outcome of one person's enrollment; `queued` once the offline queue holds it. */
export const enrollStatusSchema = z.enum(['enrolled', 'queued', 'failed', 'skipped']);
export type EnrollStatus = z.infer<typeof enrollStatusSchema>;

export const enrolledPhotoSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  tags: ozTagListSchema,
});

export const personResultSchema = z.object({
  key: z.string(),
  name: z.object({ first: z.string(), middle: z.string(), last: z.string() }),
  status: enrollStatusSchema,
  enrollmentId: z.string().nullable(),
  personId: z.string().nullable(),
  itemId: z.string().nullable(),
  photos: z.array(enrolledPhotoSchema).readonly(),
  /** Why the person, or some of their photos, failed or were skipped. */
  message: z.string().nullable(),
});
export type PersonResult = z.infer<typeof personResultSchema>;

export const importOutcomeSchema = z.object({
  scanId: z.string(),
  collectionId: z.string(),
  counts: z.object({
    enrolled: z.number().int(),
    queued: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    photos: z.number().int(),
  }),
  results: z.array(personResultSchema).readonly(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const confirmImportInputSchema = z
  .object({
    scanId: z.string().uuid(),
    /** Person keys the operator unticked. */
    excluded: z.array(z.string()).max(100_000).default([]),
    /** Tags chosen by the operator, by photo path. */
    tagOverrides: z.record(z.string(), ozTagListSchema).default({}),
    /** Flagged photos the operator accepted anyway, with their note, by photo path. */
    qualityOverrides: z.record(z.string(), qualityOverrideSchema).default({}),
    /** Group photos (by path) to crop to their largest face at enroll time. */
    keepLargestFace: z.array(z.string()).max(100_000).default([]),
    /** For persons the 1:N check flagged, by person key: add to that person, enroll as new (with a note), or skip. */
    duplicateChoices: z.record(z.string(), duplicateChoiceSchema).default({}),
    consent: consentConfirmationSchema,
  })
  .strict();
export type ConfirmImportInput = z.input<typeof confirmImportInputSchema>;

export const processCaptureInputSchema = z
  .object({
    dataBase64: z.string().min(1).max(MAX_PHOTO_BASE64_CHARS),
    /** True when the frame is a mirror image of the scene; main turns it the right way round. */
    mirrored: z.boolean(),
  })
  .strict();

export const captureSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    captureId: z.string(),
    /** A JPEG data URL, at most 256 px. */
    thumbnail: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    sha256: z.string(),
    suggestedTags: ozTagListSchema,
    notes: z.array(z.string()).readonly(),
    /** The face-quality verdict; null when the desk has no detector. */
    quality: photoQualitySchema.nullable(),
  }),
  z.object({ ok: z.literal(false), reason: refusalReasonSchema, message: z.string() }),
]);
export type Capture = z.infer<typeof captureSchema>;

const enrollPhotoSchema = z.union([
  z.object({ captureId: z.string().min(1), tags: ozTagListSchema, qualityOverride: qualityOverrideSchema.optional() }).strict(),
  z.object({ dataBase64: z.string().min(1).max(MAX_PHOTO_BASE64_CHARS), fileName: z.string().trim().min(1).max(255), tags: ozTagListSchema }).strict(),
]);

export const enrollPersonInputSchema = z
  .object({
    collectionId: collectionIdSchema,
    name: personNameSchema,
    externalId: z.string().trim().min(1).max(100).optional(),
    source: z.enum(['webcam', 'form']),
    photos: z.array(enrollPhotoSchema).min(1).max(MAX_PHOTOS_PER_PERSON),
    consent: consentConfirmationSchema,
    /** The operator's choice for a person the 1:N check (`enroll:checkPerson`) flagged. */
    duplicate: z.object({ checkId: z.string().uuid(), choice: duplicateChoiceSchema }).strict().optional(),
  })
  .strict();

/** The photos of a form or webcam person, as `enroll:enrollPerson` will get them, for the 1:N check. */
export const checkPersonInputSchema = z
  .object({
    collectionId: collectionIdSchema,
    name: personNameSchema,
    photos: z
      .array(
        z.union([
          z.object({ captureId: z.string().min(1) }).strict(),
          z.object({ dataBase64: z.string().min(1).max(MAX_PHOTO_BASE64_CHARS), fileName: z.string().trim().min(1).max(255) }).strict(),
        ]),
      )
      .min(1)
      .max(MAX_PHOTOS_PER_PERSON),
  })
  .strict();
export type CheckPersonInput = z.input<typeof checkPersonInputSchema>;
export type EnrollPersonInput = z.input<typeof enrollPersonInputSchema>;

export const collectionChoiceSchema = z.object({ collectionId: z.string(), alias: z.string() });
export type CollectionChoice = z.infer<typeof collectionChoiceSchema>;

export const consentTermsSchema = z.object({ version: z.string(), text: z.string() });
