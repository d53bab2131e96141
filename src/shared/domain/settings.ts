import { z } from 'zod';
import { serverUrlSchema } from './server-url.js';

export const settingsSchema = z.object({
  serverUrl: serverUrlSchema.nullable(),
  deskName: z.string().trim().min(1).max(64),
  /** The last e-mail signed in with "remember on this desk"; never a password. */
  rememberedEmail: z.string().email().nullable(),
  /** True when the server is the embedded training sandbox. */
  useLocalSandbox: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema
  .pick({ serverUrl: true, deskName: true })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
