import type Database from 'better-sqlite3';

// Tables other features own (queue, cache, enroll). Retention and the desk reset reach them
// by name, and only when the feature has created them on this desk.

export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Accepted items not yet on the server (quarantined ones included: they were never sent). */
export function unsyncedCount(db: Database.Database): number {
  if (!hasTable(db, 'queue_items')) return 0;
  return (db.prepare("SELECT COUNT(*) AS n FROM queue_items WHERE state != 'done'").get() as { n: number }).n;
}

/** Sent items confirmed before `cutoff` whose photo files are already gone. */
export function purgeDoneQueueRows(db: Database.Database, cutoff: number): number {
  if (!hasTable(db, 'queue_items')) return 0;
  const gone = `SELECT id FROM queue_items q WHERE state = 'done' AND done_at < ?
    AND NOT EXISTS (SELECT 1 FROM queue_photos p WHERE p.item_id = q.id AND p.blob_id IS NOT NULL)`;
  return db
    .transaction(() => {
      db.prepare(`DELETE FROM queue_photos WHERE item_id IN (${gone})`).run(cutoff);
      return db.prepare(`DELETE FROM queue_items WHERE id IN (${gone})`).run(cutoff).changes;
    })
    .immediate();
}

/**
 * Cached person lists last refreshed before `cutoff` (with their persons and photos), and
 * the collection list when it is that old. Returns the rows removed.
 */
export function purgeStaleCache(db: Database.Database, cutoff: number): number {
  if (!hasTable(db, 'cache_person_lists')) return 0;
  return db
    .transaction(() => {
      let removed = 0;
      const stale = 'SELECT collection_id FROM cache_person_lists WHERE as_of < ?';
      removed += db
        .prepare(`DELETE FROM cache_person_photos WHERE person_id IN (SELECT person_id FROM cache_persons
          WHERE collection_id IN (${stale}) OR seen_at < ?)`)
        .run(cutoff, cutoff).changes;
      removed += db.prepare(`DELETE FROM cache_persons WHERE collection_id IN (${stale}) OR seen_at < ?`).run(cutoff, cutoff).changes;
      removed += db.prepare('DELETE FROM cache_person_lists WHERE as_of < ?').run(cutoff).changes;
      const asOf = db.prepare("SELECT value FROM cache_meta WHERE key = 'collections_as_of'").get() as { value: string } | undefined;
      if (asOf !== undefined && Number(asOf.value) < cutoff) {
        removed += db.prepare('DELETE FROM cache_collections').run().changes;
        removed += db.prepare('DELETE FROM cache_companies').run().changes;
        db.prepare("DELETE FROM cache_meta WHERE key = 'collections_as_of'").run();
      }
      return removed;
    })
    .immediate();
}

const CACHE_TABLES = ['cache_person_photos', 'cache_persons', 'cache_person_lists', 'cache_collections', 'cache_companies', 'cache_deletion_aliases', 'cache_meta'];

/** Everything the desk cached or remembered about enrollments; returns the rows removed. */
export function wipeCaches(db: Database.Database): number {
  const tables = [...CACHE_TABLES, 'enroll_photos'].filter((t) => hasTable(db, t));
  return db.transaction(() => tables.reduce((n, t) => n + db.prepare(`DELETE FROM ${t}`).run().changes, 0)).immediate();
}

/** Every queue row, sent or not; returns the items removed. Photo files are the caller's. */
export function wipeQueueRows(db: Database.Database): number {
  if (!hasTable(db, 'queue_items')) return 0;
  return db
    .transaction(() => {
      db.prepare('DELETE FROM queue_photos').run();
      return db.prepare('DELETE FROM queue_items').run().changes;
    })
    .immediate();
}
