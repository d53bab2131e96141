import { createRequire } from 'node:module';
import type { SecretStore } from './secret-store.js';

type Keytar = typeof import('keytar');

// Not named `require`: electron-vite's ESM output declares its own at the top of the main bundle.
const loadNative = createRequire(import.meta.url);

/** Thrown when the OS keychain cannot be reached (no Secret Service on Linux, locked keychain). */
export class KeychainUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'The OS keychain is not available. On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked.',
      { cause },
    );
    this.name = 'KeychainUnavailableError';
  }

  toAppError() {
    return { code: 'CONFIG' as const, message: this.message };
  }
}

/**
 * The keychain service the desk's secrets live under: `enroll-desk`, or ENROLL_DESK_KEYCHAIN_SERVICE,
 * so that one machine can hold independent desks side by side (as ENROLL_DESK_DATA does for data).
 */
export const keychainService = (): string => process.env.ENROLL_DESK_KEYCHAIN_SERVICE?.trim() || 'enroll-desk';

/** The product's SecretStore: the OS keychain through keytar (service `enroll-desk` unless overridden). */
export class KeytarSecretStore implements SecretStore {
  private keytar: Keytar | null = null;

  constructor(private readonly service = keychainService()) {}

  private load(): Keytar {
    // Loaded lazily so that a missing native build only fails when secrets are used.
    this.keytar ??= loadNative('keytar') as Keytar;
    return this.keytar;
  }

  async get(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  private async call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    try {
      return await fn(this.load());
    } catch (err) {
      throw new KeychainUnavailableError(err);
    }
  }
}
