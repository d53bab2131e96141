import type { SecretStore } from './secret-store.js';

/** For unit tests: the same contract as the keychain, held in a Map. */
export class InMemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }

  /** Test helper: how many secrets are held. */
  get size(): number {
    return this.secrets.size;
  }
}
