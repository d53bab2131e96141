import { z } from 'zod';
import { companySchema, companySearchInputSchema } from '../../domain/collections.js';
import { noInput } from './no-input.js';

export const companiesChannels = {
  'companies:search': { input: companySearchInputSchema, output: z.array(companySchema).readonly() },
  /** The company last used to create a collection on this desk. */
  'companies:remembered': { input: noInput, output: companySchema.nullable() },
} as const;
