/**
 * Where the desk keeps secrets (the remembered password, the queue's encryption key).
 * Only main/core ever holds one; nothing read from it crosses IPC.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Returns true when something was deleted. */
  delete(account: string): Promise<boolean>;
}

/** Account names used in the store, in one place. */
export const secretAccounts = {
  password: (serverUrl: string, email: string) => `password:${email}@${serverUrl}`,
  localSandboxPassword: 'local-sandbox:password',
  queueKey: 'queue:key',
  /** Signs audit checkpoints; kept by a desk reset, as the log is. */
  auditKey: 'audit:key',
  /** Seals the audit log's last entry after each append, one per data folder (kept by a desk reset, as the log is). */
  auditHeadKey: (deskId: string) => `audit:head-key:${deskId}`,
  cacheKey: 'cache:key',
} as const;
