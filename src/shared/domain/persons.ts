import { z } from 'zod';
import { ozTagListSchema, ozTagSchema } from './tags.js';
import { freshnessSchema } from './collections.js';

const id = z.string().min(1).max(200);
const namePart = z.string().trim().max(100);

export const personNameSchema = z.object({ first: namePart, middle: namePart, last: namePart });
export type PersonName = z.infer<typeof personNameSchema>;

export const personSummarySchema = z.object({
  personId: id,
  collectionId: id,
  name: personNameSchema,
  photoCount: z.number().int(),
  /** Epoch seconds. */
  timeCreated: z.number().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const MAX_PERSONS_PAGE = 500;

export const personsPageInputSchema = z
  .object({ collectionId: id, offset: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_PERSONS_PAGE) })
  .strict();

export const personsPageSchema = freshnessSchema.extend({
  offset: z.number().int(),
  items: z.array(personSummarySchema).readonly(),
  /** Persons in the collection; null when unknown (offline and never fully listed). */
  total: z.number().int().nullable(),
});
export type PersonsPage = z.infer<typeof personsPageSchema>;

export const personsSearchInputSchema = z
  .object({ collectionId: id, text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(500) })
  .strict();

export const personsSearchResultSchema = z.object({
  items: z.array(personSummarySchema).readonly(),
  /** Persons in the desk's index so far, and whether it holds the whole collection. */
  indexed: z.number().int(),
  complete: z.boolean(),
});
export type PersonsSearchResult = z.infer<typeof personsSearchResultSchema>;

export const indexProgressSchema = z.object({
  collectionId: id,
  indexed: z.number().int(),
  total: z.number().int().nullable(),
  complete: z.boolean(),
});
export type IndexProgress = z.infer<typeof indexProgressSchema>;

export const thumbnailsInputSchema = z.object({ collectionId: id, personIds: z.array(id).max(200) }).strict();
/** personId → `data:image/jpeg;base64,...`, or null when the person has no photo or it could not be read. */
export const thumbnailsSchema = z.record(z.string(), z.string().nullable());

export const personRefSchema = z.object({ collectionId: id, personId: id }).strict();

export const photoInfoSchema = z.object({
  personImageId: id,
  tags: z.array(z.string()).readonly(),
  originalName: z.string().nullable(),
  /** Pixel size and bytes of the stored photo; null when it could not be read. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  thumbnail: z.string().nullable(),
  timeCreated: z.number().nullable(),
});
export type PhotoInfo = z.infer<typeof photoInfoSchema>;

export const personDetailSchema = freshnessSchema.extend({
  person: personSummarySchema,
  photos: z.array(photoInfoSchema).readonly(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

/** 15 MB of photo as base64 (4/3 of the bytes). */
const MAX_BASE64 = Math.ceil((15 * 1024 * 1024 * 4) / 3);
/** Per request, both to main and to Oz (the server takes ten files per call). */
export const MAX_PHOTOS_PER_CREATE = 10;

export const photoUploadSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    base64: z.string().min(1).max(MAX_BASE64),
    tags: z.array(ozTagSchema).min(1, 'Choose at least one tag.').max(6).readonly(),
  })
  .strict();
export type PhotoUploadInput = z.infer<typeof photoUploadSchema>;

export const deletePersonInputSchema = personRefSchema.extend({ confirmDeleteAnalyses: z.boolean() }).strict();

export const relatedAnalysisSchema = z.object({
  analysisId: id,
  folderId: id,
  folderCreated: z.number().nullable(),
  confidence: z.number().nullable(),
});
export type RelatedAnalysisView = z.infer<typeof relatedAnalysisSchema>;

export const deletePersonOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('deleted'), deletedAnalyses: z.array(relatedAnalysisSchema).readonly() }),
  z.object({ status: z.literal('blocked'), analyses: z.array(relatedAnalysisSchema).readonly() }),
]);
export type DeletePersonOutcomeView = z.infer<typeof deletePersonOutcomeSchema>;

export const preparePhotoInputSchema = z.object({ fileName: z.string().min(1).max(255), base64: z.string().min(1).max(MAX_BASE64) }).strict();

export const preparedPhotoSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Size after EXIF orientation and resizing: what the server will receive. */
    width: z.number().int(),
    height: z.number().int(),
    suggestedTags: ozTagListSchema,
    notes: z.array(z.string()).readonly(),
  }),
  z.object({ ok: z.literal(false), reason: z.string(), message: z.string() }),
]);
export type PreparedPhoto = z.infer<typeof preparedPhotoSchema>;

export const addPhotosInputSchema = personRefSchema.extend({ photos: z.array(photoUploadSchema).min(1).max(MAX_PHOTOS_PER_CREATE) }).strict();
export const deletePhotoInputSchema = personRefSchema.extend({ personImageId: id }).strict();
