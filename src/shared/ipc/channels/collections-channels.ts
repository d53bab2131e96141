import { z } from 'zod';
import {
  collectionListSchema,
  collectionRefSchema,
  collectionSummarySchema,
  createCollectionInputSchema,
  deletionJobSchema,
  deletionPreviewSchema,
  startDeletionInputSchema,
} from '../../domain/collections.js';
import { noInput } from './no-input.js';

export const collectionsChannels = {
  'collections:list': { input: noInput, output: collectionListSchema },
  'collections:create': { input: createCollectionInputSchema, output: collectionSummarySchema },
  'collections:deletionPreview': { input: collectionRefSchema, output: deletionPreviewSchema },
  /** Starts (or continues) the deletion in main and answers at once; progress arrives as events. */
  'collections:delete': { input: startDeletionInputSchema, output: deletionJobSchema },
  'collections:deletionJobs': { input: noInput, output: z.array(deletionJobSchema).readonly() },
  'collections:resumeDeletion': { input: z.object({ jobId: z.string().min(1).max(200) }).strict(), output: deletionJobSchema },
} as const;

export const collectionsEvents = {
  'collections:deletionProgress': deletionJobSchema,
} as const;
