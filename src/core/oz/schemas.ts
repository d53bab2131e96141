import { z } from 'zod';
import type { Analysis, AnalysisMatch, Collection, Company, Folder, Media, OzUser, Page, Person, PersonImage } from './types.js';

// Tolerant readers of the wire format: unknown fields pass, timestamps are any number,
// optional fields default to null so callers never see `undefined`.
const id = z.union([z.string(), z.number()]).transform(String);
const optId = id.nullish().transform((v) => v ?? null);
const optNumber = z.number().nullish().transform((v) => v ?? null);
const optString = z.string().nullish().transform((v) => v ?? null);
const metaData = z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? null);
const tags = z.array(z.string()).nullish().transform((v) => v ?? []);

export const loginResponseSchema = z
  .object({
    access_token: z.string().min(1),
    expire_token: z.string().min(1),
    expire_date: z.number().nullish(),
    user: z
      .object({
        user_id: optId,
        email: optString,
        user_type: optString,
        company_id: optId,
        is_admin: z.boolean().nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough()
  .transform((w) => ({
    accessToken: w.access_token,
    expireToken: w.expire_token,
    expireDate: w.expire_date ?? null,
    user: {
      userId: w.user?.user_id ?? null,
      email: w.user?.email ?? null,
      userType: w.user?.user_type ?? null,
      companyId: w.user?.company_id ?? null,
      isAdmin: w.user?.is_admin ?? false,
    } satisfies OzUser,
  }));

export const companySchema = z
  .object({ company_id: id, name: z.string() })
  .passthrough()
  .transform((w): Company => ({ companyId: w.company_id, name: w.name }));

export const collectionSchema = z
  .object({ collection_id: id, alias: z.string().nullish(), company_id: optId, time_created: optNumber })
  .passthrough()
  .transform(
    (w): Collection => ({
      collectionId: w.collection_id,
      alias: w.alias ?? '',
      companyId: w.company_id,
      timeCreated: w.time_created,
    }),
  );

export const personImageSchema = z
  .object({
    person_image_id: id,
    person_id: optId,
    original_name: optString,
    original_url: optString,
    thumb_url: optString,
    tags,
    time_created: optNumber,
  })
  .passthrough()
  .transform(
    (w): PersonImage => ({
      personImageId: w.person_image_id,
      personId: w.person_id,
      originalName: w.original_name,
      originalUrl: w.original_url,
      thumbUrl: w.thumb_url,
      tags: w.tags,
      timeCreated: w.time_created,
    }),
  );

export const personSchema = z
  .object({
    person_id: id,
    collection_id: optId,
    meta_data: metaData,
    time_created: optNumber,
    images: z.array(personImageSchema).nullish(),
  })
  .passthrough()
  .transform(
    (w): Person => ({
      personId: w.person_id,
      collectionId: w.collection_id,
      metaData: w.meta_data,
      timeCreated: w.time_created,
      images: w.images ?? null,
    }),
  );

const resultsData = z
  .object({ max_confidence: optNumber, confidence: optNumber })
  .passthrough()
  .nullish()
  .transform((v) => v?.max_confidence ?? v?.confidence ?? null);

const resultMediaSchema = z
  .object({ person_id: optId, confidence: optNumber, results_data: resultsData })
  .passthrough()
  .transform((w): AnalysisMatch => ({ personId: w.person_id, confidence: w.confidence ?? w.results_data }));

export const analysisSchema = z
  .object({
    analysis_id: optId,
    analyse_id: optId,
    folder_id: optId,
    type: z.string(),
    state: optString,
    resolution: optString,
    resolution_status: optString,
    collection_id: optId,
    collection: z.object({ collection_id: optId }).passthrough().nullish(),
    params: z.object({ collection_id: optId }).passthrough().nullish(),
    results_data: resultsData,
    results_media: z.array(resultMediaSchema).nullish(),
    time_created: optNumber,
  })
  .passthrough()
  .refine((w) => (w.analysis_id ?? w.analyse_id) !== null, { message: 'analysis_id or analyse_id is required' })
  .transform(
    (w): Analysis => ({
      analysisId: (w.analysis_id ?? w.analyse_id) as string,
      folderId: w.folder_id,
      type: w.type.toUpperCase(),
      state: w.state,
      resolution: w.resolution ?? w.resolution_status,
      collectionId: w.collection_id ?? w.collection?.collection_id ?? w.params?.collection_id ?? null,
      confidence: w.results_data,
      resultsMedia: w.results_media ?? [],
      timeCreated: w.time_created,
    }),
  );

const mediaSchema = z
  .object({ media_id: id, tags })
  .passthrough()
  .transform((w): Media => ({ mediaId: w.media_id, tags: w.tags }));

export const folderSchema = z
  .object({
    folder_id: id,
    time_created: optNumber,
    meta_data: metaData,
    media: z.array(mediaSchema).nullish(),
    analyses: z.array(analysisSchema).nullish(),
  })
  .passthrough()
  .transform(
    (w): Folder => ({
      folderId: w.folder_id,
      timeCreated: w.time_created,
      metaData: w.meta_data,
      media: w.media ?? [],
      analyses: w.analyses ?? null,
    }),
  );

/** Lists arrive as `{items, total}` or as a bare array; both read the same. */
export function pageSchema<T extends z.ZodType>(item: T): z.ZodType<Page<z.output<T>>> {
  const items = z.array(item);
  return z.union([
    items.transform((arr): Page<z.output<T>> => ({ items: arr, total: null })),
    z
      .object({ items, total: z.number().nullish() })
      .passthrough()
      .transform((w): Page<z.output<T>> => ({ items: w.items, total: w.total ?? null })),
  ]) as unknown as z.ZodType<Page<z.output<T>>>;
}

/** Some creates answer with one object, others with an array of them. */
export function oneOrManySchema<T extends z.ZodType>(item: T): z.ZodType<readonly z.output<T>[]> {
  return z.union([pageSchema(item).transform((p) => p.items), item.transform((v) => [v])]) as unknown as z.ZodType<
    readonly z.output<T>[]
  >;
}
