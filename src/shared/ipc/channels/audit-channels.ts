import {
  auditExportInputSchema,
  auditExportResultSchema,
  auditPageSchema,
  auditQuerySchema,
  auditVerifyResultSchema,
} from '../../domain/audit.js';
import { noInput } from './no-input.js';

export const auditChannels = {
  /** Newest first, filtered by date, operator, action and target id. */
  'audit:query': { input: auditQuerySchema, output: auditPageSchema },
  'audit:verify': { input: noInput, output: auditVerifyResultSchema },
  /** Written by main to `<data folder>/exports/`; answers with the file's path. */
  'audit:export': { input: auditExportInputSchema, output: auditExportResultSchema },
} as const;
