import type Database from 'better-sqlite3';
import type { CollectionSummary, Company } from '../../../shared/domain/collections.js';
import { personNameSchema, type PersonName, type PersonSummary, type PhotoInfo } from '../../../shared/domain/persons.js';
import { migrate } from '../../storage/migrate.js';
import { cacheMigrations } from './cache-migrations.js';
import type { CacheCipher } from './cache-cipher.js';
import { PersonCounts } from './person-counts.js';
import { PersonPhotos } from './person-photos.js';
import { ThumbnailCache } from './thumbnail-cache.js';
import { matchesQuery, nameHaystack } from './name-search.js';

/** A person as the cache keeps it: the summary plus where its thumbnail lives on the server. */
export interface CachedPerson extends PersonSummary {
  readonly thumbUrl: string | null;
}

export type CachedPhoto = Omit<PhotoInfo, 'thumbnail'>;

interface PersonRow {
  readonly person_id: string;
  readonly collection_id: string;
  readonly position: number;
  readonly name_enc: Buffer;
  readonly photo_count: number;
  readonly time_created: number | null;
  readonly thumb_url: string | null;
}

interface IndexEntry {
  readonly person: CachedPerson;
  readonly position: number;
  readonly haystack: string;
}

const TABLES = ['cache_person_photos', 'cache_persons', 'cache_person_lists', 'cache_collections', 'cache_companies', 'cache_deletion_aliases', 'cache_meta'];

const UNREADABLE: PersonName = { first: '', middle: '', last: '(name unreadable)' };

/**
 * The read-only copy of what the desk last saw on the server, for offline screens and
 * the name search the Oz API lacks. Names are sealed with AES-256-GCM; a decrypted name
 * index is kept in memory per collection once searched, and thumbnails in memory only.
 */
export class DeskCache {
  readonly #db: Database.Database;
  readonly #cipher: CacheCipher;
  readonly #now: () => number;
  readonly #index = new Map<string, Map<string, IndexEntry>>();
  /** Thumbnails as data URLs: faces stay in memory, never on disk. */
  readonly thumbnails = new ThumbnailCache();
  /** Photo lists of persons the server lists without them, kept briefly in memory. */
  readonly personPhotos = new PersonPhotos();
  /** Person counts of collections the server lists without them, kept briefly in memory. */
  readonly personCounts = new PersonCounts();

  constructor(db: Database.Database, cipher: CacheCipher, now: () => number = Date.now) {
    this.#db = db;
    this.#cipher = cipher;
    this.#now = now;
    migrate(db, 'cache', cacheMigrations);
  }

  /** Forgets everything (a desk reset): rows, the in-memory index and thumbnails, and the key. Returns the rows removed. */
  wipe(): number {
    const removed = this.#db.transaction(() => TABLES.reduce((n, t) => n + this.#db.prepare(`DELETE FROM ${t}`).run().changes, 0)).immediate();
    this.#forgetInMemory();
    this.#cipher.forget();
    return removed;
  }

  /**
   * The copy holds one server and account's data at a time (`scopeKey` of it): signing in
   * elsewhere empties it, so no screen shows another server's collections or persons. It
   * refills from the new server. Returns whether it was emptied.
   */
  belongTo(scopeKey: string): boolean {
    const held = this.#meta('scope');
    if (held === scopeKey) return false;
    this.#db
      .transaction(() => {
        for (const t of TABLES) this.#db.prepare(`DELETE FROM ${t}`).run();
        this.#setMeta('scope', scopeKey);
      })
      .immediate();
    this.#forgetInMemory();
    return held !== null;
  }

  /**
   * Retention: person lists last refreshed before `cutoff` (with their persons and photos),
   * persons not seen since, and the collection list when it is that old. Returns the rows removed.
   */
  purgeOlderThan(cutoff: number): number {
    const stale = 'SELECT collection_id FROM cache_person_lists WHERE as_of < ?';
    const removed = this.#db
      .transaction(() => {
        let n = this.#db
          .prepare(`DELETE FROM cache_person_photos WHERE person_id IN (SELECT person_id FROM cache_persons
            WHERE collection_id IN (${stale}) OR seen_at < ?)`)
          .run(cutoff, cutoff).changes;
        n += this.#db.prepare(`DELETE FROM cache_persons WHERE collection_id IN (${stale}) OR seen_at < ?`).run(cutoff, cutoff).changes;
        n += this.#db.prepare('DELETE FROM cache_person_lists WHERE as_of < ?').run(cutoff).changes;
        const asOf = this.#meta('collections_as_of');
        if (asOf !== null && Number(asOf) < cutoff) {
          n += this.#db.prepare('DELETE FROM cache_collections').run().changes;
          n += this.#db.prepare('DELETE FROM cache_companies').run().changes;
          this.#db.prepare("DELETE FROM cache_meta WHERE key = 'collections_as_of'").run();
        }
        return n;
      })
      .immediate();
    if (removed > 0) {
      // Rebuilt from what is left on the next search; purged faces leave memory too.
      this.#forgetInMemory();
    }
    return removed;
  }

  // ---- collections and companies

  replaceCollections(list: readonly CollectionSummary[]): number {
    const asOf = this.#now();
    const insert = this.#db.prepare(
      `INSERT INTO cache_collections (collection_id, alias, company_id, time_created, persons_count, position) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      this.#db.exec('DELETE FROM cache_collections');
      list.forEach((c, i) => insert.run(c.collectionId, c.alias, c.companyId, c.timeCreated, c.personsCount, i));
      this.#setMeta('collections_as_of', String(asOf));
    })();
    return asOf;
  }

  collections(): { readonly collections: readonly CollectionSummary[]; readonly asOf: number | null } {
    const rows = this.#db
      .prepare(
        `SELECT c.*, k.name AS company_name FROM cache_collections c LEFT JOIN cache_companies k ON k.company_id = c.company_id ORDER BY c.position`,
      )
      .all() as {
      collection_id: string;
      alias: string;
      company_id: string | null;
      time_created: number | null;
      persons_count: number | null;
      company_name: string | null;
    }[];
    const asOf = this.#meta('collections_as_of');
    return {
      asOf: asOf === null ? null : Number(asOf),
      collections: rows.map((r) => ({
        collectionId: r.collection_id,
        alias: r.alias,
        companyId: r.company_id,
        companyName: r.company_name,
        timeCreated: r.time_created,
        personsCount: r.persons_count,
      })),
    };
  }

  forgetCollection(collectionId: string): void {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM cache_collections WHERE collection_id = ?').run(collectionId);
      this.#db
        .prepare('DELETE FROM cache_person_photos WHERE person_id IN (SELECT person_id FROM cache_persons WHERE collection_id = ?)')
        .run(collectionId);
      this.#db.prepare('DELETE FROM cache_persons WHERE collection_id = ?').run(collectionId);
      this.#db.prepare('DELETE FROM cache_person_lists WHERE collection_id = ?').run(collectionId);
    })();
    this.#index.delete(collectionId);
    this.personCounts.forget(collectionId);
  }

  rememberCompanies(companies: readonly Company[]): void {
    const upsert = this.#db.prepare(
      'INSERT INTO cache_companies (company_id, name) VALUES (?, ?) ON CONFLICT(company_id) DO UPDATE SET name = excluded.name',
    );
    this.#db.transaction(() => companies.forEach((c) => upsert.run(c.companyId, c.name)))();
  }

  companyName(companyId: string): string | null {
    const row = this.#db.prepare('SELECT name FROM cache_companies WHERE company_id = ?').get(companyId) as { name: string } | undefined;
    return row?.name ?? null;
  }

  setLastCompany(company: Company): void {
    this.rememberCompanies([company]);
    this.#setMeta('last_company_id', company.companyId);
  }

  lastCompany(): Company | null {
    const companyId = this.#meta('last_company_id');
    if (companyId === null) return null;
    const name = this.companyName(companyId);
    return name === null ? null : { companyId, name };
  }

  setDeletionAlias(jobId: string, alias: string): void {
    this.#db.prepare('INSERT OR REPLACE INTO cache_deletion_aliases (job_id, alias) VALUES (?, ?)').run(jobId, alias);
  }

  deletionAlias(jobId: string): string | null {
    const row = this.#db.prepare('SELECT alias FROM cache_deletion_aliases WHERE job_id = ?').get(jobId) as { alias: string } | undefined;
    return row?.alias ?? null;
  }

  // ---- persons

  /** Stores one page as seen now, at positions offset.. */
  putPersonsPage(collectionId: string, offset: number, items: readonly CachedPerson[], total: number | null): number {
    const asOf = this.#now();
    this.#db.transaction(() => {
      this.#putRows(collectionId, offset, items, asOf);
      this.#db
        .prepare(
          `INSERT INTO cache_person_lists (collection_id, total, as_of) VALUES (?, ?, ?)
           ON CONFLICT(collection_id) DO UPDATE SET total = excluded.total, as_of = excluded.as_of`,
        )
        .run(collectionId, total, asOf);
    })();
    return asOf;
  }

  #putRows(collectionId: string, offset: number, items: readonly CachedPerson[], seenAt: number): void {
    const upsert = this.#db.prepare(
      `INSERT INTO cache_persons (collection_id, person_id, position, name_enc, photo_count, time_created, thumb_url, seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(collection_id, person_id) DO UPDATE SET position = excluded.position, name_enc = excluded.name_enc,
         photo_count = excluded.photo_count, time_created = excluded.time_created, thumb_url = excluded.thumb_url, seen_at = excluded.seen_at`,
    );
    items.forEach((p, i) =>
      upsert.run(collectionId, p.personId, offset + i, this.#sealName(p.name), p.photoCount, p.timeCreated, p.thumbUrl, seenAt),
    );
    const index = this.#index.get(collectionId);
    if (index !== undefined) items.forEach((p, i) => index.set(p.personId, entry(p, offset + i)));
  }

  /** After a full walk that began at `walkStartedAt`: persons not seen since are gone from the server. */
  completeIndex(collectionId: string, walkStartedAt: number): void {
    const gone = this.#db
      .prepare('SELECT person_id FROM cache_persons WHERE collection_id = ? AND seen_at < ?')
      .all(collectionId, walkStartedAt) as { person_id: string }[];
    // The server's total is already right; only the rows go.
    for (const { person_id } of gone) this.#deleteRows(collectionId, person_id);
    this.#db.prepare('UPDATE cache_person_lists SET complete_at = ? WHERE collection_id = ?').run(this.#now(), collectionId);
  }

  personsPage(collectionId: string, offset: number, limit: number): { readonly items: readonly CachedPerson[]; readonly total: number | null; readonly asOf: number | null } {
    const list = this.#list(collectionId);
    const rows = this.#db
      .prepare('SELECT * FROM cache_persons WHERE collection_id = ? ORDER BY position LIMIT ? OFFSET ?')
      .all(collectionId, limit, offset) as PersonRow[];
    return { items: rows.map((r) => this.#person(r)), total: list?.total ?? null, asOf: list?.as_of ?? null };
  }

  indexState(collectionId: string): { readonly indexed: number; readonly total: number | null; readonly completeAt: number | null } {
    const list = this.#list(collectionId);
    const { n } = this.#db.prepare('SELECT COUNT(*) AS n FROM cache_persons WHERE collection_id = ?').get(collectionId) as { n: number };
    return { indexed: n, total: list?.total ?? null, completeAt: list?.complete_at ?? null };
  }

  search(collectionId: string, query: string, limit: number): readonly CachedPerson[] {
    const found: IndexEntry[] = [];
    for (const e of this.#loadIndex(collectionId).values()) if (matchesQuery(e.haystack, query)) found.push(e);
    return found
      .sort((a, b) => a.position - b.position)
      .slice(0, limit)
      .map((e) => e.person);
  }

  person(collectionId: string, personId: string): CachedPerson | null {
    const row = this.#db.prepare('SELECT * FROM cache_persons WHERE collection_id = ? AND person_id = ?').get(collectionId, personId) as
      | PersonRow
      | undefined;
    return row === undefined ? null : this.#person(row);
  }

  thumbUrls(collectionId: string, personIds: readonly string[]): ReadonlyMap<string, string | null> {
    const rows = this.#db
      .prepare(`SELECT person_id, thumb_url FROM cache_persons WHERE collection_id = ? AND person_id IN (SELECT value FROM json_each(?))`)
      .all(collectionId, JSON.stringify(personIds)) as { person_id: string; thumb_url: string | null }[];
    return new Map(rows.map((r) => [r.person_id, r.thumb_url]));
  }

  /** A person created or changed on this desk; new persons go to the end of the list. */
  upsertPerson(person: CachedPerson): void {
    const existing = this.#db
      .prepare('SELECT position FROM cache_persons WHERE collection_id = ? AND person_id = ?')
      .get(person.collectionId, person.personId) as { position: number } | undefined;
    const position =
      existing?.position ??
      ((this.#db.prepare('SELECT MAX(position) AS p FROM cache_persons WHERE collection_id = ?').get(person.collectionId) as { p: number | null }).p ?? -1) + 1;
    this.#db.transaction(() => {
      this.#putRows(person.collectionId, position, [person], this.#now());
      if (existing === undefined) {
        this.#db.prepare('UPDATE cache_person_lists SET total = total + 1 WHERE collection_id = ? AND total IS NOT NULL').run(person.collectionId);
      }
    })();
  }

  removePerson(collectionId: string, personId: string): void {
    this.#db.transaction(() => {
      if (this.#deleteRows(collectionId, personId)) {
        this.#db.prepare('UPDATE cache_person_lists SET total = MAX(total - 1, 0) WHERE collection_id = ? AND total IS NOT NULL').run(collectionId);
      }
    })();
    this.personCounts.forget(collectionId);
  }

  #deleteRows(collectionId: string, personId: string): boolean {
    const removed = this.#db.prepare('DELETE FROM cache_persons WHERE collection_id = ? AND person_id = ?').run(collectionId, personId);
    this.#db.prepare('DELETE FROM cache_person_photos WHERE person_id = ?').run(personId);
    this.#index.get(collectionId)?.delete(personId);
    return removed.changes > 0;
  }

  putPhotos(personId: string, photos: readonly CachedPhoto[]): void {
    const insert = this.#db.prepare(
      `INSERT INTO cache_person_photos (person_id, person_image_id, position, tags, original_name_enc, width, height, bytes, time_created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM cache_person_photos WHERE person_id = ?').run(personId);
      photos.forEach((p, i) =>
        insert.run(
          personId,
          p.personImageId,
          i,
          JSON.stringify(p.tags),
          p.originalName === null ? null : this.#cipher.seal(p.originalName),
          p.width,
          p.height,
          p.bytes,
          p.timeCreated,
        ),
      );
    })();
  }

  photos(personId: string): readonly CachedPhoto[] {
    const rows = this.#db.prepare('SELECT * FROM cache_person_photos WHERE person_id = ? ORDER BY position').all(personId) as {
      person_image_id: string;
      tags: string;
      original_name_enc: Buffer | null;
      width: number | null;
      height: number | null;
      bytes: number | null;
      time_created: number | null;
    }[];
    return rows.map((r) => ({
      personImageId: r.person_image_id,
      tags: JSON.parse(r.tags) as string[],
      originalName: r.original_name_enc === null ? null : this.#cipher.open(r.original_name_enc),
      width: r.width,
      height: r.height,
      bytes: r.bytes,
      timeCreated: r.time_created,
    }));
  }

  /** The name index, thumbnails, photo lists and counts: memory that mirrors what was just emptied. */
  #forgetInMemory(): void {
    this.#index.clear();
    this.thumbnails.clear();
    this.personPhotos.clear();
    this.personCounts.clear();
  }

  #loadIndex(collectionId: string): Map<string, IndexEntry> {
    let index = this.#index.get(collectionId);
    if (index === undefined) {
      const rows = this.#db.prepare('SELECT * FROM cache_persons WHERE collection_id = ?').all(collectionId) as PersonRow[];
      index = new Map(rows.map((r) => [r.person_id, entry(this.#person(r), r.position)]));
      this.#index.set(collectionId, index);
    }
    return index;
  }

  #list(collectionId: string): { total: number | null; as_of: number; complete_at: number | null } | undefined {
    return this.#db.prepare('SELECT total, as_of, complete_at FROM cache_person_lists WHERE collection_id = ?').get(collectionId) as
      | { total: number | null; as_of: number; complete_at: number | null }
      | undefined;
  }

  #person(row: PersonRow): CachedPerson {
    return {
      personId: row.person_id,
      collectionId: row.collection_id,
      name: this.#openName(row.name_enc),
      photoCount: row.photo_count,
      timeCreated: row.time_created,
      thumbUrl: row.thumb_url,
    };
  }

  #sealName(name: PersonName): Buffer {
    return this.#cipher.seal(JSON.stringify(name));
  }

  #openName(sealed: Buffer): PersonName {
    const text = this.#cipher.open(sealed);
    if (text === null) return UNREADABLE;
    const parsed = personNameSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : UNREADABLE;
  }

  #meta(key: string): string | null {
    const row = this.#db.prepare('SELECT value FROM cache_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  #setMeta(key: string, value: string): void {
    this.#db.prepare('INSERT OR REPLACE INTO cache_meta (key, value) VALUES (?, ?)').run(key, value);
  }
}

function entry(person: CachedPerson, position: number): IndexEntry {
  return { person, position, haystack: nameHaystack(person.name) };
}
