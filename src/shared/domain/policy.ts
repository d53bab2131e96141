import { z } from 'zod';
import { consentTextVersionSchema } from './consent.js';
import { qualityThresholdsOverrideSchema } from './quality-thresholds.js';
import { serverUrlSchema } from './server-url.js';
import { settingsSchema } from './settings.js';

/**
 * The machine-wide policy IT pushes to every desk (docs/it-deployment.md). Each key that
 * is present locks that setting for the app and the CLI alike; unknown keys are errors,
 * so a typo never silently leaves a setting unlocked.
 */
export const deskPolicySchema = z
  .object({
    /** The only Oz servers operators may sign in to (and the CLI may import into). */
    allowedServers: z.array(serverUrlSchema).min(1).max(20),
    /** Whether the embedded training sandbox may be used on this desk. */
    localSandbox: z.boolean(),
    /** The consent text operators confirm, with its version. */
    consent: z.object({ version: consentTextVersionSchema, text: z.string().trim().min(1).max(2000) }).strict(),
    /** Face-quality thresholds (docs/face-quality.md); the ones named are locked. */
    qualityThresholds: qualityThresholdsOverrideSchema,
    /** Retention periods in days (docs/data-lifecycle.md); the ones named are locked. */
    retentionDays: settingsSchema.shape.retentionDays.unwrap().strict(),
    staleSyncWarnHours: settingsSchema.shape.staleSyncWarnHours.unwrap(),
    /** null: never block new enrollments for a stale queue. */
    staleSyncBlockHours: settingsSchema.shape.staleSyncBlockHours.unwrap(),
    /** Check the collection for the same face before enrolling (the 1:N check uses it). */
    duplicateCheck: z.boolean(),
    deskName: settingsSchema.shape.deskName,
    /** Whether operators may enroll photos the face-quality checks flagged, with a note. */
    acceptQualityWarnings: z.boolean(),
  })
  .partial()
  .strict();
export type DeskPolicy = z.infer<typeof deskPolicySchema>;

export const policySettingKeys = Object.keys(deskPolicySchema.shape) as (keyof DeskPolicy)[];
export type PolicySettingKey = keyof DeskPolicy;

/** What the renderer learns about the policy: which settings are locked, and from where. */
export const policyViewSchema = z.object({
  /** The policy file in force, or null when the desk has none. */
  file: z.string().nullable(),
  /** SHA-256 of the file's bytes (also written to the audit log at start). */
  sha256: z.string().nullable(),
  locked: z.array(z.enum(policySettingKeys as [PolicySettingKey, ...PolicySettingKey[]])),
  allowedServers: z.array(z.string()).nullable(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

/** The message a locked setting shows. */
export const SET_BY_IT = 'Set by your IT department';

/** Why signing in (or importing) to this server is refused by the policy, or null. */
export function policyServerProblem(policy: DeskPolicy, serverUrl: string, file: string | null): string | null {
  const allowed = policy.allowedServers;
  if (allowed === undefined) return null;
  const wanted = serverUrl.trim().replace(/\/+$/, '');
  if (allowed.includes(wanted)) return null;
  return `This desk's managed policy (${file ?? 'policy file'}) allows only ${allowed.join(', ')}; ${wanted} is not one of them.`;
}

/** Why the local training sandbox is refused by the policy (app sign-in and `enroll-desk sandbox` alike), or null. */
export function localSandboxProblem(policy: DeskPolicy, file: string | null): string | null {
  return policy.localSandbox === false ? `This desk's managed policy (${file ?? 'policy file'}) does not allow the local training sandbox.` : null;
}
