import type Database from 'better-sqlite3';
import type { SecretStore } from '../../secrets/secret-store.js';
import { CacheCipher, loadCacheKey } from './cache-cipher.js';
import { DeskCache } from './desk-cache.js';

const caches = new WeakMap<Database.Database, Promise<DeskCache>>();

/** One cache per desk database, shared by the collections, persons and photos handlers. */
export function sharedCache(db: Database.Database, secrets: SecretStore): Promise<DeskCache> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = loadCacheKey(secrets).then((key) => new DeskCache(db, new CacheCipher(key)));
    caches.set(db, cache);
  }
  return cache;
}
