import { z } from 'zod';

/** What the renderer may know about the session: never a token or a password. */
export const sessionStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signedOut'), rememberedEmail: z.string().nullable(), serverUrl: z.string().nullable() }),
  z.object({
    state: z.literal('signedIn'),
    serverUrl: z.string(),
    email: z.string(),
    isLocalSandbox: z.boolean(),
    remembered: z.boolean(),
  }),
]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const signInInputSchema = z
  .object({
    serverUrl: z.string().trim().min(1).max(2048),
    email: z.string().trim().email().max(320),
    password: z.string().min(1).max(1024),
    remember: z.boolean(),
  })
  .strict();
export type SignInInput = z.infer<typeof signInInputSchema>;
