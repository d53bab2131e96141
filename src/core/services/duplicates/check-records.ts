import type Database from 'better-sqlite3';
import { migrate, type Migration } from '../../storage/migrate.js';

/** Desk data belongs to a server and account: a check is cleaned up only where it was made. */
export interface CheckScope {
  readonly server: string;
  readonly account: string;
}

export interface CheckRecord {
  readonly folderId: string;
  readonly collectionId: string;
  readonly analysisIds: readonly string[];
  readonly state: 'running' | 'cleanup';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'duplicate checks awaiting cleanup',
    up: (db) => {
      db.exec(`
        CREATE TABLE duplicate_checks (
          folder_id TEXT PRIMARY KEY,
          server TEXT NOT NULL,
          account TEXT NOT NULL,
          collection_id TEXT NOT NULL,
          analysis_ids TEXT NOT NULL DEFAULT '[]',
          state TEXT NOT NULL CHECK (state IN ('running', 'cleanup')),
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX duplicate_checks_scope ON duplicate_checks (server, account, state);
      `);
    },
  },
];

interface Row {
  readonly folder_id: string;
  readonly collection_id: string;
  readonly analysis_ids: string;
  readonly state: 'running' | 'cleanup';
  readonly attempts: number;
  readonly last_error: string | null;
  readonly created_at: number;
  readonly updated_at: number;
}

const toRecord = (r: Row): CheckRecord => ({
  folderId: r.folder_id,
  collectionId: r.collection_id,
  analysisIds: JSON.parse(r.analysis_ids) as string[],
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A check still running this long was cut short (the desk stopped): it is cleaned up like a failed one. */
export const STALE_RUNNING_MS = 15 * 60_000;

/**
 * The desk's record of every 1:N check whose folder or analysis may still be on the server.
 * Written before the analysis starts (persist, then act), removed once the server confirmed
 * the deletion, so a crash or a failed DELETE leaves a row the next sync retries.
 */
export class CheckRecords {
  readonly #db: Database.Database;
  readonly #now: () => number;

  constructor(db: Database.Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
    migrate(db, 'duplicate-checks', migrations);
  }

  begin(scope: CheckScope, folderId: string, collectionId: string): void {
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT OR REPLACE INTO duplicate_checks (folder_id, server, account, collection_id, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'running', ?, ?)`,
      )
      .run(folderId, scope.server, scope.account, collectionId, now, now);
  }

  addAnalysis(folderId: string, analysisId: string): void {
    const row = this.#row(folderId);
    if (row === null || row.analysisIds.includes(analysisId)) return;
    this.#db
      .prepare('UPDATE duplicate_checks SET analysis_ids = ?, updated_at = ? WHERE folder_id = ?')
      .run(JSON.stringify([...row.analysisIds, analysisId]), this.#now(), folderId);
  }

  /** The server confirmed the analyses (and the folder, where it allows) are gone. */
  cleaned(folderId: string): void {
    this.#db.prepare('DELETE FROM duplicate_checks WHERE folder_id = ?').run(folderId);
  }

  /** A deletion failed: keep the record for the next pass, with why. */
  cleanupFailed(folderId: string, error: string): void {
    this.#db
      .prepare(`UPDATE duplicate_checks SET state = 'cleanup', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE folder_id = ?`)
      .run(error.slice(0, 500), this.#now(), folderId);
  }

  /** Records the next cleanup pass should handle: failed cleanups and stale running checks. */
  due(scope: CheckScope): readonly CheckRecord[] {
    const rows = this.#db
      .prepare(
        `SELECT * FROM duplicate_checks WHERE server = ? AND account = ? AND (state = 'cleanup' OR updated_at < ?)
         ORDER BY created_at`,
      )
      .all(scope.server, scope.account, this.#now() - STALE_RUNNING_MS) as Row[];
    return rows.map(toRecord);
  }

  /** "Checks to clean up" on the Sync screen: every server's, or one scope's. */
  count(scope?: CheckScope): number {
    const stale = this.#now() - STALE_RUNNING_MS;
    const row = (
      scope === undefined
        ? this.#db.prepare(`SELECT COUNT(*) AS n FROM duplicate_checks WHERE state = 'cleanup' OR updated_at < ?`).get(stale)
        : this.#db
            .prepare(`SELECT COUNT(*) AS n FROM duplicate_checks WHERE server = ? AND account = ? AND (state = 'cleanup' OR updated_at < ?)`)
            .get(scope.server, scope.account, stale)
    ) as { n: number };
    return row.n;
  }

  get(folderId: string): CheckRecord | null {
    return this.#row(folderId);
  }

  #row(folderId: string): CheckRecord | null {
    const row = this.#db.prepare('SELECT * FROM duplicate_checks WHERE folder_id = ?').get(folderId) as Row | undefined;
    return row === undefined ? null : toRecord(row);
  }
}
