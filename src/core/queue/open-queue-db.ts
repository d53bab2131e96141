import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, type Migration } from '../storage/migrate.js';
import { preparePrivateDatabase, restrictFiles } from '../storage/private-files.js';

export const DESK_DB_FILE = 'desk.db';

export const queueMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'queue items and photos',
    up: (db) => {
      // secret_enc holds the encrypted metaData and operator file names: nothing that
      // names a person is stored in clear.
      db.exec(`
        CREATE TABLE queue_items (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          state TEXT NOT NULL,
          enrollment_id TEXT,
          depends_on_enrollment_id TEXT,
          collection_id TEXT NOT NULL,
          person_id TEXT,
          secret_enc BLOB NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL DEFAULT 0,
          in_flight INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          quarantine_reason TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          done_at INTEGER
        );
        CREATE UNIQUE INDEX queue_items_enrollment ON queue_items (enrollment_id) WHERE kind = 'createPerson';
        CREATE INDEX queue_items_state ON queue_items (state, next_attempt_at);
        CREATE TABLE queue_photos (
          item_id TEXT NOT NULL REFERENCES queue_items (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          tags TEXT NOT NULL,
          blob_id TEXT,
          person_image_id TEXT,
          confirmed INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (item_id, position)
        );
        CREATE INDEX queue_photos_blob ON queue_photos (blob_id);
      `);
    },
  },
  {
    version: 2,
    name: 'items keyed by server and account; why an item is quarantined',
    // Items queued before this version carry no scope (NULL): the first server and account
    // the desk sends with adopts them, as that desk would have sent them before.
    up: (db) => {
      db.exec(`
        ALTER TABLE queue_items ADD COLUMN server TEXT;
        ALTER TABLE queue_items ADD COLUMN account TEXT;
        ALTER TABLE queue_items ADD COLUMN quarantine_code TEXT;
        CREATE INDEX queue_items_scope ON queue_items (server, account, state);
      `);
    },
  },
  {
    version: 3,
    name: 'photos staged by a dry run',
    // The dry run's processed photos, encrypted in the blob store until confirm turns them
    // into queue items (or a purge drops them). Nothing here names a person: the source
    // is kept as its size, mtime and hash only.
    up: (db) => {
      db.exec(`
        CREATE TABLE staged_photos (
          blob_id TEXT PRIMARY KEY,
          session_id TEXT NOT NULL,
          owner TEXT NOT NULL CHECK (owner IN ('app', 'cli')),
          sha256 TEXT NOT NULL,
          source_size INTEGER NOT NULL,
          source_mtime_ms REAL NOT NULL,
          source_sha256 TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX staged_photos_session ON staged_photos (session_id);
        CREATE INDEX staged_photos_age ON staged_photos (owner, created_at);
      `);
    },
  },
  {
    version: 4,
    name: 'the earliest time a waiting item may go, whatever the operator asks',
    // A server's Retry-After and the grace before a lost send is looked for: "Sync now"
    // and coming back online skip the desk's own back-off, never these.
    up: (db) => {
      db.exec('ALTER TABLE queue_items ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0');
    },
  },
];

/** Creates or upgrades the queue's tables in an already open desk database. */
export function migrateQueueDb(db: Database.Database): void {
  migrate(db, 'queue', queueMigrations);
}

/** Opens `<dataDir>/desk.db` with the queue's durability settings and schema. */
export function openQueueDb(dataDir: string): Database.Database {
  const file = path.join(dataDir, DESK_DB_FILE);
  preparePrivateDatabase(dataDir, file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    restrictFiles([`${file}-wal`, `${file}-shm`]);
    // FULL: a committed (acknowledged) enrollment survives power loss, not just a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrateQueueDb(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
