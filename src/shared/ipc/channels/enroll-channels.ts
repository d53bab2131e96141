import { z } from 'zod';
import {
  captureSchema,
  checkPersonInputSchema,
  collectionChoiceSchema,
  confirmImportInputSchema,
  consentTermsSchema,
  enrollPersonInputSchema,
  importOutcomeSchema,
  importProgressSchema,
  personResultSchema,
  processCaptureInputSchema,
  scanFolderInputSchema,
  scanIdSchema,
  scanResultSchema,
} from '../../domain/enroll.js';
import { dropBatchResultSchema, dropFilesInputSchema, dropPathsInputSchema, stagedDropSchema } from '../../domain/dropped-files.js';
import { personDuplicateCheckSchema } from '../../domain/duplicates.js';
import { noInput } from './no-input.js';

export const enrollChannels = {
  'enroll:consentTerms': { input: noInput, output: consentTermsSchema },
  'enroll:collections': { input: noInput, output: z.array(collectionChoiceSchema).readonly() },
  /** The host's native folder dialog (desktop app); `available: false` where there is none (browser mode). */
  'enroll:chooseFolder': { input: noInput, output: z.object({ available: z.boolean(), path: z.string().nullable() }) },
  /** Subfolders of what was typed so far ("~" expanded), for the path field's suggestions. */
  'enroll:completeFolder': { input: z.object({ typed: z.string().max(4096) }).strict(), output: z.object({ folders: z.array(z.string()).readonly() }) },
  /** Dropped files and folders in the desktop app: their paths, checked and laid out as one folder to scan. */
  'enroll:dropPaths': { input: dropPathsInputSchema, output: stagedDropSchema },
  /** Dropped files in browser mode: their bytes in batches, written into a private staging folder. */
  'enroll:dropFiles': { input: dropFilesInputSchema, output: dropBatchResultSchema },
  /** Starts a dry run in main; progress and the end arrive as events. */
  'enroll:scanFolder': { input: scanFolderInputSchema, output: scanIdSchema },
  'enroll:scanResult': { input: scanIdSchema, output: scanResultSchema },
  'enroll:cancelScan': { input: scanIdSchema, output: z.object({ cancelled: z.boolean() }) },
  'enroll:confirmImport': { input: confirmImportInputSchema, output: importOutcomeSchema },
  'enroll:processCapture': { input: processCaptureInputSchema, output: captureSchema },
  /** The 1:N duplicate check of a form or webcam person before "Enroll" (falls back to the desk's records offline). */
  'enroll:checkPerson': { input: checkPersonInputSchema, output: personDuplicateCheckSchema },
  'enroll:enrollPerson': { input: enrollPersonInputSchema, output: personResultSchema },
  /** The thumbnail of a photo of a finished scan, as a JPEG data URL. */
  'enroll:thumbnail': { input: z.object({ scanId: z.string().uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), output: z.object({ dataUrl: z.string() }) },
} as const;

export const enrollEvents = {
  'import:progress': importProgressSchema,
  'import:finished': scanResultSchema,
  'import:personResult': z.object({ scanId: z.string(), result: personResultSchema }),
} as const;
