import { z } from 'zod';
import { sessionStatusSchema, signInInputSchema } from '../../domain/session.js';
import { noInput } from './no-input.js';

export const sessionChannels = {
  'session:status': { input: noInput, output: sessionStatusSchema },
  'session:signIn': { input: signInInputSchema, output: sessionStatusSchema },
  'session:signInLocalSandbox': { input: noInput, output: sessionStatusSchema },
  'session:signOut': {
    input: z.object({ forgetPassword: z.boolean() }).strict(),
    output: sessionStatusSchema,
  },
} as const;

export const sessionEvents = {
  'session:changed': sessionStatusSchema,
} as const;
