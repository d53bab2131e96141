import { randomBytes } from 'node:crypto';
import { secretAccounts, type SecretStore } from '../secrets/secret-store.js';

/** The desk's checkpoint-signing key from the keychain, or null when it has none. */
export async function findAuditKey(store: SecretStore): Promise<Buffer | null> {
  const existing = await store.get(secretAccounts.auditKey);
  if (existing === null) return null;
  const key = Buffer.from(existing, 'base64');
  if (key.length !== 32) throw new Error('The audit key in the keychain is malformed.');
  return key;
}

/** The key, created on first use (the first purge that writes a checkpoint). */
export async function loadAuditKey(store: SecretStore): Promise<Buffer> {
  const existing = await findAuditKey(store);
  if (existing !== null) return existing;
  const key = randomBytes(32);
  await store.set(secretAccounts.auditKey, key.toString('base64'));
  return key;
}
