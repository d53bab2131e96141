import { policyServerProblem, SET_BY_IT, type DeskPolicy, type PolicySettingKey } from '../../shared/domain/policy.js';
import type { Settings, SettingsPatch } from '../../shared/domain/settings.js';

/** The settings in force: the desk's own, with every value the policy sets on top. */
export function settingsUnderPolicy(settings: Settings, policy: DeskPolicy): Settings {
  const p = policy;
  const serverAllowed = p.allowedServers === undefined || (settings.serverUrl !== null && p.allowedServers.includes(settings.serverUrl));
  return {
    ...settings,
    ...(serverAllowed ? {} : { serverUrl: p.allowedServers?.[0] ?? null }),
    ...(p.localSandbox === false ? { useLocalSandbox: false } : {}),
    ...(p.deskName === undefined ? {} : { deskName: p.deskName }),
    ...(p.consent === undefined ? {} : { consentTextVersion: p.consent.version, consentText: p.consent.text }),
    ...(p.qualityThresholds === undefined ? {} : { qualityThresholds: { ...settings.qualityThresholds, ...p.qualityThresholds } }),
    ...(p.retentionDays === undefined ? {} : { retentionDays: { ...settings.retentionDays, ...p.retentionDays } }),
    ...(p.staleSyncWarnHours === undefined ? {} : { staleSyncWarnHours: p.staleSyncWarnHours }),
    ...(p.staleSyncBlockHours === undefined ? {} : { staleSyncBlockHours: p.staleSyncBlockHours }),
    ...(p.duplicateCheck === undefined ? {} : { duplicateCheck: p.duplicateCheck }),
    ...(p.acceptQualityWarnings === undefined ? {} : { acceptQualityWarnings: p.acceptQualityWarnings }),
  };
}

/** The policy key that locks each setting an operator may change; the interface language is the operator's own. */
const LOCKING_KEY: Readonly<Record<Exclude<keyof SettingsPatch, 'language'>, PolicySettingKey>> = {
  serverUrl: 'allowedServers',
  deskName: 'deskName',
  consentTextVersion: 'consent',
  consentText: 'consent',
  duplicateCheck: 'duplicateCheck',
};

/** Why an operator's change is refused by the policy, or null when every field is free. */
export function lockedChangeProblem(patch: SettingsPatch, policy: DeskPolicy, file: string | null): string | null {
  for (const field of Object.keys(patch) as (keyof SettingsPatch)[]) {
    const value = patch[field];
    if (value === undefined || field === 'language') continue;
    if (field === 'serverUrl') {
      const problem = policyServerProblem(policy, String(value), file);
      if (problem !== null) return problem;
      continue;
    }
    if (policy[LOCKING_KEY[field]] !== undefined) return `${field}: ${SET_BY_IT} (${file ?? 'managed policy'}); it cannot be changed on the desk.`;
  }
  return null;
}
