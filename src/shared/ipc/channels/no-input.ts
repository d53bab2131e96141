import { z } from 'zod';

/** Input of a channel that takes none: `undefined` or `{}`. */
export const noInput = z.undefined().or(z.object({}).strict()).transform(() => undefined);
