import { z } from 'zod';
import { consentTextVersionSchema } from './consent.js';
import { languageSchema } from './language.js';
import { qualityThresholdsOverrideSchema } from './quality-thresholds.js';
import { serverUrlSchema } from './server-url.js';

export const settingsSchema = z.object({
  serverUrl: serverUrlSchema.nullable(),
  deskName: z.string().trim().min(1).max(64),
  /** The last e-mail signed in with "remember on this desk"; never a password. */
  rememberedEmail: z.string().email().nullable(),
  /** True when the server is the embedded training sandbox. */
  useLocalSandbox: z.boolean(),
  /** Version of the consent text operators confirm; absent means DEFAULT_CONSENT_TEXT_VERSION. */
  consentTextVersion: consentTextVersionSchema.optional(),
  /** The consent wording IT configured for that version; absent means DEFAULT_CONSENT_TEXT. */
  consentText: z.string().trim().min(1).max(2000).optional(),
  /** Data lifecycle (docs/data-lifecycle.md); an absent period means the documented default. */
  retentionDays: z
    .object({
      doneQueue: z.number().int().min(1).max(3650),
      cache: z.number().int().min(1).max(3650),
      audit: z.number().int().min(30).max(3650),
      /** A dry run's photos kept for its confirm (default 1). */
      stagedPhotos: z.number().int().min(1).max(30),
    })
    .partial()
    .optional(),
  /** Warn on the Sync screen when the oldest unsynced item is older than this (default 24). */
  staleSyncWarnHours: z.number().min(1).max(24 * 365).optional(),
  /** Refuse new enrollments when the oldest unsynced item is older than this; absent or null: never. */
  staleSyncBlockHours: z.number().min(1).max(24 * 365).nullable().optional(),
  /** IT's changes to the face-quality thresholds (docs/face-quality.md); absent ones keep the defaults. */
  qualityThresholds: qualityThresholdsOverrideSchema.optional(),
  /** The 1:N duplicate check (Oz Collection analysis) before enrolling; absent means on. */
  duplicateCheck: z.boolean().optional(),
  /** Whether operators may enroll photos the face-quality checks flagged, with a note (absent: yes). */
  acceptQualityWarnings: z.boolean().optional(),
  /** The interface language the operator chose; absent means the OS language. */
  language: languageSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema
  .pick({ serverUrl: true, deskName: true, consentTextVersion: true, consentText: true, duplicateCheck: true, language: true })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
