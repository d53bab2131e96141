import type Database from 'better-sqlite3';
import { loadAuditHeadKey, openAuditLog } from '../../core/audit/index.js';
import type { OzClient } from '../../core/oz/index.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { CheckRecords, cleanUpChecks, type CleanupPassResult } from '../../core/services/duplicates/index.js';
import { SettingsStore } from '../../core/settings/settings-store.js';

/** `sync` also deletes the analyses of earlier 1:N checks whose cleanup failed, as the app's sync does. */
export async function syncCheckCleanups(
  desk: { readonly db: Database.Database; readonly dataDir: string; readonly secrets: SecretStore },
  client: OzClient,
  scope: { readonly server: string; readonly account: string },
): Promise<CleanupPassResult> {
  const { db, dataDir } = desk;
  const settings = new SettingsStore(dataDir);
  const audit = openAuditLog(db, { desk: () => settings.get().deskName, operator: () => scope.account }, Date.now, await loadAuditHeadKey(desk.secrets, dataDir));
  return cleanUpChecks({ client, records: new CheckRecords(db), scope, audit });
}
