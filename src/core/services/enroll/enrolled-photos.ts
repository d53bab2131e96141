import type Database from 'better-sqlite3';
import { scopeKey, type DeskScope } from '../../../shared/domain/desk-scope.js';
import { migrate, type Migration } from '../../storage/migrate.js';

/** Rows recorded before the desk kept servers apart, or while no scope was known. */
const UNSCOPED = '';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'enrolled photos by hash',
    up: (db) =>
      db.exec(`CREATE TABLE enroll_photos (
        collection_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        enrollment_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        enrolled_at INTEGER NOT NULL,
        PRIMARY KEY (collection_id, sha256)
      ) WITHOUT ROWID`),
  },
  {
    version: 2,
    name: 'enrolled photos keyed by server and account',
    up: (db) =>
      db.exec(`CREATE TABLE enroll_photos_scoped (
        server TEXT NOT NULL,
        account TEXT NOT NULL,
        collection_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        enrollment_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        enrolled_at INTEGER NOT NULL,
        PRIMARY KEY (server, account, collection_id, sha256)
      ) WITHOUT ROWID;
      INSERT INTO enroll_photos_scoped SELECT '${UNSCOPED}', '${UNSCOPED}', collection_id, sha256, enrollment_id, person_id, enrolled_at FROM enroll_photos;
      DROP TABLE enroll_photos;
      ALTER TABLE enroll_photos_scoped RENAME TO enroll_photos`),
  },
];

export interface EnrolledPhoto {
  readonly personId: string;
  readonly enrollmentId: string;
}

type Key = readonly [server: string, account: string];

/**
 * The desk's own record of every photo it enrolled, per server, account and collection:
 * the dry run reports a photo already sent as a duplicate, and an interrupted import
 * resumes where it stopped. A photo enrolled on one server is never "already enrolled" on
 * another. Written after each request the server confirmed, and trimmed when the desk
 * deletes a photo, person or collection; deletions made elsewhere are caught by `EnrolledCheck`.
 *
 * Every method works in the scope `scope()` gives (the signed-in one, or the last one);
 * rows recorded without a scope (before migration 2) are adopted by the first scope that
 * uses the record, as the queue adopts its unscoped items. A wrong adoption is harmless:
 * `EnrolledCheck` asks the server before it trusts a row.
 */
export class EnrolledPhotos {
  readonly #db: Database.Database;
  readonly #scope: () => DeskScope | null;
  readonly #adopted = new Set<string>();
  readonly #find: Database.Statement<[string, string, string, string], { person_id: string; enrollment_id: string }>;
  readonly #insert: Database.Statement<[string, string, string, string, string, string, number]>;

  constructor(db: Database.Database, scope: () => DeskScope | null) {
    migrate(db, 'enroll', migrations);
    this.#db = db;
    this.#scope = scope;
    this.#find = db.prepare('SELECT person_id, enrollment_id FROM enroll_photos WHERE server = ? AND account = ? AND collection_id = ? AND sha256 = ?');
    this.#insert = db.prepare(
      `INSERT INTO enroll_photos (server, account, collection_id, sha256, enrollment_id, person_id, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (server, account, collection_id, sha256) DO UPDATE SET enrollment_id = excluded.enrollment_id, person_id = excluded.person_id,
       enrolled_at = excluded.enrolled_at`,
    );
  }

  find(collectionId: string, sha256: string): EnrolledPhoto | null {
    const row = this.#find.get(...this.#key(), collectionId, sha256);
    return row ? { personId: row.person_id, enrollmentId: row.enrollment_id } : null;
  }

  /** A stale record: the server no longer holds this photo. */
  forget(collectionId: string, sha256: string): void {
    this.#db.prepare('DELETE FROM enroll_photos WHERE server = ? AND account = ? AND collection_id = ? AND sha256 = ?').run(...this.#key(), collectionId, sha256);
  }

  /** The person was deleted: none of their photos is enrolled any more. */
  forgetPerson(collectionId: string, personId: string): void {
    this.#db.prepare('DELETE FROM enroll_photos WHERE server = ? AND account = ? AND collection_id = ? AND person_id = ?').run(...this.#key(), collectionId, personId);
  }

  /** The collection was deleted, with every person in it. */
  forgetCollection(collectionId: string): void {
    this.#db.prepare('DELETE FROM enroll_photos WHERE server = ? AND account = ? AND collection_id = ?').run(...this.#key(), collectionId);
  }

  /** Forgets every record of every scope (a desk reset); returns the rows removed. */
  clear(): number {
    return this.#db.prepare('DELETE FROM enroll_photos').run().changes;
  }

  /** Records confirmed photos, in the current scope or the one given (a queue item's own). */
  record(collectionId: string, photo: EnrolledPhoto, hashes: readonly string[], scope: DeskScope | null = this.#scope(), at: number = Date.now()): void {
    const key = this.#keyOf(scope);
    this.#db.transaction(() => {
      for (const sha of hashes) this.#insert.run(...key, collectionId, sha, photo.enrollmentId, photo.personId, at);
    })();
  }

  #key(): Key {
    return this.#keyOf(this.#scope());
  }

  #keyOf(scope: DeskScope | null): Key {
    if (scope === null) return [UNSCOPED, UNSCOPED];
    this.#adopt(scope);
    return [scope.server, scope.account];
  }

  #adopt(scope: DeskScope): void {
    const id = scopeKey(scope);
    if (this.#adopted.has(id)) return;
    this.#db.transaction(() => {
      this.#db.prepare(`UPDATE OR IGNORE enroll_photos SET server = ?, account = ? WHERE server = '${UNSCOPED}'`).run(scope.server, scope.account);
      // Rows the scope already held a newer record for.
      this.#db.prepare(`DELETE FROM enroll_photos WHERE server = '${UNSCOPED}'`).run();
    })();
    this.#adopted.add(id);
  }
}
