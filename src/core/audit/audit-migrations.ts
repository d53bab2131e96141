import type { Migration } from '../storage/migrate.js';

export const AUDIT_SCOPE = 'audit';

export const auditMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'audit entries',
    up: (db) => {
      // Ids, counts and codes only: no photo, no name (the override note is the one free text).
      db.exec(`
        CREATE TABLE audit_entries (
          seq INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          desk TEXT NOT NULL,
          operator TEXT,
          action TEXT NOT NULL,
          collection_id TEXT,
          person_id TEXT,
          enrollment_id TEXT,
          photo_id TEXT,
          analysis_id TEXT,
          queue_item_id TEXT,
          outcome TEXT NOT NULL,
          error_code TEXT,
          counts TEXT,
          note TEXT,
          checkpoint TEXT,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        );
        CREATE INDEX audit_entries_at ON audit_entries (at);
        CREATE INDEX audit_entries_operator ON audit_entries (operator, at);
        CREATE INDEX audit_entries_action ON audit_entries (action, at);
      `);
    },
  },
  {
    version: 2,
    name: 'audit head seal',
    up: (db) => {
      // One row: the last entry's seq and hash, signed with the head key from the keychain.
      db.exec('CREATE TABLE audit_head_seal (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL, mac TEXT NOT NULL)');
    },
  },
];
