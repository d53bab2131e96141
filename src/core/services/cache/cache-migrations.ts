import type { Migration } from '../../storage/migrate.js';

// Personal data (names) is stored only as AES-GCM blobs; ids, counts and dates are not personal.
export const cacheMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'read-only cache of collections, persons and photos',
    up: (db) =>
      db.exec(`
        CREATE TABLE cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE cache_collections (
          collection_id TEXT PRIMARY KEY,
          alias TEXT NOT NULL,
          company_id TEXT,
          time_created REAL,
          persons_count INTEGER,
          position INTEGER NOT NULL
        );
        CREATE TABLE cache_companies (company_id TEXT PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE cache_person_lists (
          collection_id TEXT PRIMARY KEY,
          total INTEGER,
          as_of INTEGER NOT NULL,
          complete_at INTEGER
        );
        CREATE TABLE cache_persons (
          collection_id TEXT NOT NULL,
          person_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          name_enc BLOB NOT NULL,
          photo_count INTEGER NOT NULL,
          time_created REAL,
          thumb_url TEXT,
          seen_at INTEGER NOT NULL,
          PRIMARY KEY (collection_id, person_id)
        );
        CREATE INDEX cache_persons_by_position ON cache_persons(collection_id, position);
        CREATE TABLE cache_person_photos (
          person_id TEXT NOT NULL,
          person_image_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          tags TEXT NOT NULL,
          original_name_enc BLOB,
          width INTEGER,
          height INTEGER,
          bytes INTEGER,
          time_created REAL,
          PRIMARY KEY (person_id, person_image_id)
        );
        CREATE TABLE cache_deletion_aliases (job_id TEXT PRIMARY KEY, alias TEXT NOT NULL);
      `),
  },
  {
    version: 2,
    name: 'sealed fields in the shared AES-GCM format',
    // Names sealed in the old format cannot be opened any more; the copy refills from the server.
    up: (db) => db.exec('DELETE FROM cache_person_photos; DELETE FROM cache_persons; DELETE FROM cache_person_lists;'),
  },
];
