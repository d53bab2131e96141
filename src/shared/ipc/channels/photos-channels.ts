import { z } from 'zod';
import { addPhotosInputSchema, deletePhotoInputSchema, preparePhotoInputSchema, preparedPhotoSchema } from '../../domain/persons.js';

export const photosChannels = {
  /** Runs the desk's photo pipeline without uploading: oriented size, suggested tags, or the refusal. */
  'photos:prepare': { input: preparePhotoInputSchema, output: preparedPhotoSchema },
  'photos:add': { input: addPhotosInputSchema, output: z.object({ added: z.number().int() }) },
  'photos:delete': { input: deletePhotoInputSchema, output: z.object({ deleted: z.literal(true) }) },
} as const;
