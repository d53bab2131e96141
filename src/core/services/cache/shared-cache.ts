import type Database from 'better-sqlite3';
import type { SecretStore } from '../../secrets/secret-store.js';
import { loadCacheCipher } from './cache-cipher.js';
import { DeskCache } from './desk-cache.js';

const caches = new WeakMap<Database.Database, Promise<DeskCache>>();

/** One cache per desk database, shared by the collections, persons and photos handlers, retention and desk reset. */
export function sharedCache(db: Database.Database, secrets: SecretStore): Promise<DeskCache> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = loadCacheCipher(secrets).then((cipher) => new DeskCache(db, cipher));
    caches.set(db, cache);
  }
  return cache;
}
