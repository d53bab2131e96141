import { z } from 'zod';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  deskName: z.string(),
  /** The embedded sandbox can be offered on first run. */
  localSandboxAvailable: z.boolean(),
  /** The host has a native folder dialog ("Choose folder…"); absent means none. */
  folderDialog: z.boolean().optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
