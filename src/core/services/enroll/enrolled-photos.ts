import type Database from 'better-sqlite3';
import { migrate, type Migration } from '../../storage/migrate.js';

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
];

export interface EnrolledPhoto {
  readonly personId: string;
  readonly enrollmentId: string;
}

/**
 * The desk's own record of every photo it enrolled, per collection: the dry run reports a
 * photo already sent as a duplicate, and an interrupted import resumes where it stopped.
 * Written after each request the server confirmed, and trimmed when the desk deletes a
 * photo, person or collection; deletions made elsewhere are caught by `EnrolledCheck`.
 */
export class EnrolledPhotos {
  readonly #find: Database.Statement<[string, string], { person_id: string; enrollment_id: string }>;
  readonly #insert: Database.Statement<[string, string, string, string, number]>;
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    migrate(db, 'enroll', migrations);
    this.#db = db;
    this.#find = db.prepare('SELECT person_id, enrollment_id FROM enroll_photos WHERE collection_id = ? AND sha256 = ?');
    this.#insert = db.prepare(
      `INSERT INTO enroll_photos (collection_id, sha256, enrollment_id, person_id, enrolled_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (collection_id, sha256) DO UPDATE SET enrollment_id = excluded.enrollment_id, person_id = excluded.person_id,
       enrolled_at = excluded.enrolled_at`,
    );
  }

  find(collectionId: string, sha256: string): EnrolledPhoto | null {
    const row = this.#find.get(collectionId, sha256);
    return row ? { personId: row.person_id, enrollmentId: row.enrollment_id } : null;
  }

  /** A stale record: the server no longer holds this photo. */
  forget(collectionId: string, sha256: string): void {
    this.#db.prepare('DELETE FROM enroll_photos WHERE collection_id = ? AND sha256 = ?').run(collectionId, sha256);
  }

  /** The person was deleted: none of their photos is enrolled any more. */
  forgetPerson(collectionId: string, personId: string): void {
    this.#db.prepare('DELETE FROM enroll_photos WHERE collection_id = ? AND person_id = ?').run(collectionId, personId);
  }

  /** The collection was deleted, with every person in it. */
  forgetCollection(collectionId: string): void {
    this.#db.prepare('DELETE FROM enroll_photos WHERE collection_id = ?').run(collectionId);
  }

  /** Forgets every record (a desk reset); returns the rows removed. */
  clear(): number {
    return this.#db.prepare('DELETE FROM enroll_photos').run().changes;
  }

  record(collectionId: string, photo: EnrolledPhoto, hashes: readonly string[], at: number = Date.now()): void {
    this.#db.transaction(() => {
      for (const sha of hashes) this.#insert.run(collectionId, sha, photo.enrollmentId, photo.personId, at);
    })();
  }
}
