import type { Command } from 'commander';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';

/** What the queue and sync commands need from their host; tests pass an in-memory store. */
export interface QueueCliDeps {
  readonly secretStore: () => SecretStore;
}

export const defaultQueueCliDeps: QueueCliDeps = { secretStore: () => new KeytarSecretStore() };

export function dataDirOf(command: Command): string {
  const data = (command.optsWithGlobals() as { data?: unknown }).data;
  if (typeof data !== 'string' || data === '') throw new Error('No data folder: pass --data <dir>.');
  return data;
}
