import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../../secrets/in-memory-secret-store.js';
import { secretAccounts } from '../../secrets/secret-store.js';
import { CacheCipher, loadCacheCipher } from './cache-cipher.js';
import { DeskCache, type CachedPerson } from './desk-cache.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const person = (id: string, first: string, last: string): CachedPerson => ({
  personId: id,
  collectionId: 'c1',
  name: { first, middle: '', last },
  photoCount: 1,
  timeCreated: 1,
  thumbUrl: null,
});

describe('DeskCache', () => {
  it('keeps names only encrypted on disk and reads them back with the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-cache-'));
    dirs.push(dir);
    const secrets = new InMemorySecretStore();
    await loadCacheCipher(secrets);
    const stored = await secrets.get(secretAccounts.cacheKey);
    expect(stored).not.toBeNull();
    await loadCacheCipher(secrets);
    expect(await secrets.get(secretAccounts.cacheKey)).toBe(stored);
    const key = Buffer.from(stored ?? '', 'base64');

    const file = join(dir, 'desk.db');
    const db = new Database(file);
    new DeskCache(db, new CacheCipher(key)).putPersonsPage('c1', 0, [person('p1', 'Zebulon', 'Quixotic')], 1);
    db.close();
    expect(readFileSync(file).includes('Zebulon')).toBe(false);

    const reopened = new Database(file);
    expect(new DeskCache(reopened, new CacheCipher(key)).personsPage('c1', 0, 10).items[0]?.name.first).toBe('Zebulon');
    // Another key cannot read the names (a restored backup on another desk, a reset keychain).
    expect(new DeskCache(reopened, new CacheCipher(randomBytes(32))).personsPage('c1', 0, 10).items[0]?.name.last).toBe('(name unreadable)');
    reopened.close();
  });

  it('drops persons not seen in a full walk and keeps the total in step', () => {
    let now = 1000;
    const db = new Database(':memory:');
    const cache = new DeskCache(db, new CacheCipher(randomBytes(32)), () => now);
    cache.putPersonsPage('c1', 0, [person('a', 'Ann', 'A'), person('b', 'Bob', 'B')], 2);
    expect(cache.search('c1', 'bob', 10)).toHaveLength(1);
    now = 2000;
    cache.putPersonsPage('c1', 0, [person('a', 'Ann', 'A')], 1);
    cache.completeIndex('c1', 2000);
    expect(cache.indexState('c1')).toMatchObject({ indexed: 1, total: 1, completeAt: 2000 });
    expect(cache.search('c1', 'bob', 10)).toEqual([]);
    cache.upsertPerson(person('c', 'Cy', 'C'));
    expect(cache.personsPage('c1', 0, 10)).toMatchObject({ total: 2, items: [{ personId: 'a' }, { personId: 'c' }] });
    db.close();
  });

  it('wipe forgets rows, the name index, thumbnails and the key; names sealed after it open with the key now in the keychain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-cache-'));
    dirs.push(dir);
    const secrets = new InMemorySecretStore();
    const db = new Database(join(dir, 'desk.db'));
    const cache = new DeskCache(db, await loadCacheCipher(secrets));
    cache.putPersonsPage('c1', 0, [person('a', 'Ann', 'Adams')], 1);
    cache.replaceCollections([{ collectionId: 'c1', alias: 'Watch', companyId: null, companyName: null, timeCreated: null, personsCount: 1 }]);
    expect(cache.search('c1', 'ann', 10)).toHaveLength(1);
    cache.thumbnails.set('u1', 'data:image/jpeg;base64,AA==');

    // As desk reset does: the keychain entry goes, then the cache.
    await secrets.delete(secretAccounts.cacheKey);
    expect(cache.wipe()).toBeGreaterThanOrEqual(3);
    expect(cache.search('c1', 'ann', 10)).toEqual([]);
    expect(cache.collections().collections).toEqual([]);
    expect(cache.thumbnails.get('u1')).toBeUndefined();
    expect(await secrets.get(secretAccounts.cacheKey)).toBeNull();

    cache.putPersonsPage('c1', 0, [person('b', 'Bea', 'Birch')], 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(await secrets.get(secretAccounts.cacheKey)).not.toBeNull();
    // A restart reads the new key from the keychain.
    expect(new DeskCache(db, await loadCacheCipher(secrets)).personsPage('c1', 0, 10).items[0]?.name.first).toBe('Bea');
    db.close();
  });

  it('purgeOlderThan drops stale lists and persons, and they leave the search index', () => {
    let now = 1000;
    const db = new Database(':memory:');
    const cache = new DeskCache(db, new CacheCipher(randomBytes(32)), () => now);
    cache.putPersonsPage('old', 0, [person('a', 'Ann', 'A')], 1);
    expect(cache.search('old', 'ann', 10)).toHaveLength(1);
    now = 5000;
    cache.putPersonsPage('c1', 0, [person('b', 'Bob', 'B')], 1);
    expect(cache.purgeOlderThan(3000)).toBe(2);
    expect(cache.search('old', 'ann', 10)).toEqual([]);
    expect(cache.search('c1', 'bob', 10)).toHaveLength(1);
    expect(cache.purgeOlderThan(3000)).toBe(0);
    db.close();
  });
});
