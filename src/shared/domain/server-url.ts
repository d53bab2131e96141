import { z } from 'zod';
import { serverUrlProblem } from './server-url-rules.js';

export * from './server-url-rules.js';

/** An Oz API base URL: https, or http on a loopback address; normalised without a trailing slash. */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .superRefine((raw, ctx) => {
    const problem = serverUrlProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((raw) => raw.replace(/\/+$/, ''));
