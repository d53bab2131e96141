import type Database from 'better-sqlite3';
import { loadAuditHeadKey, openAuditLog, type AuditLog } from '../core/audit/index.js';
import { recordPolicyInForce } from '../core/policy/record-policy.js';
import type { SecretStore } from '../core/secrets/secret-store.js';
import type { SettingsStore } from '../core/settings/settings-store.js';

/**
 * The desk's audit log as a CLI command that acts on the desk writes to it. Like the app at
 * start, each run first records the managed policy in force (its hash), so an import or a
 * sync under a changed policy shows in the log.
 */
export async function openCliAuditLog(
  desk: { readonly db: Database.Database; readonly dataDir: string; readonly secrets: SecretStore; readonly settings: SettingsStore },
  operator: string,
): Promise<AuditLog> {
  const { db, dataDir, secrets, settings } = desk;
  const audit = openAuditLog(db, { desk: () => settings.get().deskName, operator: () => operator }, Date.now, await loadAuditHeadKey(secrets, dataDir));
  recordPolicyInForce(audit, settings.policy);
  return audit;
}
