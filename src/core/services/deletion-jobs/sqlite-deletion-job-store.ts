import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DeskScope } from '../../../shared/domain/desk-scope.js';
import { migrate, type Migration } from '../../storage/migrate.js';
import type { DeletionJob, DeletionJobStore, DeletionPhase } from './deletion-job-store.js';

// Desks from before the migrations had these tables already: version 1 leaves them as they are.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS deletion_jobs (
  job_id TEXT PRIMARY KEY,
  collection_id TEXT NOT NULL,
  phase TEXT NOT NULL,
  deleted_analyses INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS deletion_job_persons (
  job_id TEXT NOT NULL REFERENCES deletion_jobs(job_id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL,
  PRIMARY KEY (job_id, person_id)
);`;

const migrations: readonly Migration[] = [
  { version: 1, name: 'deletion jobs and their persons', up: (db) => db.exec(SCHEMA) },
  {
    version: 2,
    name: 'deletion jobs keyed by server and account',
    // A job from before has no scope: the first server and account to list jobs adopts it.
    up: (db) => db.exec('ALTER TABLE deletion_jobs ADD COLUMN server TEXT; ALTER TABLE deletion_jobs ADD COLUMN account TEXT;'),
  },
];

interface JobRow {
  readonly job_id: string;
  readonly collection_id: string;
  readonly phase: DeletionPhase;
  readonly deleted_analyses: number;
  readonly last_error: string | null;
  readonly created_at: number;
  readonly updated_at: number;
  readonly total: number;
  readonly done: number;
}

const JOB_SELECT = `
SELECT j.*,
  (SELECT COUNT(*) FROM deletion_job_persons p WHERE p.job_id = j.job_id) AS total,
  (SELECT COUNT(*) FROM deletion_job_persons p WHERE p.job_id = j.job_id AND p.done = 1) AS done
FROM deletion_jobs j`;

/**
 * Deletion jobs in the app's SQLite database; creates its tables when missing. Each job
 * belongs to the server and account it was started under, and is seen only under it.
 */
export class SqliteDeletionJobStore implements DeletionJobStore {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #scope: () => DeskScope | null;

  constructor(db: Database, now: () => number = Date.now, scope: () => DeskScope | null = () => null) {
    this.#db = db;
    this.#now = now;
    this.#scope = scope;
    migrate(db, 'deletion-jobs', migrations);
  }

  create(collectionId: string): DeletionJob {
    const jobId = randomUUID();
    const now = this.#now();
    const scope = this.#scope();
    this.#db
      .prepare(
        `INSERT INTO deletion_jobs (job_id, collection_id, phase, created_at, updated_at, server, account) VALUES (?, ?, 'listing', ?, ?, ?, ?)`,
      )
      .run(jobId, collectionId, now, now, scope?.server ?? null, scope?.account ?? null);
    return this.get(jobId) as DeletionJob;
  }

  get(jobId: string): DeletionJob | null {
    const row = this.#db.prepare(`${JOB_SELECT} WHERE j.job_id = ? AND ${MINE}`).get(jobId, ...this.#params()) as JobRow | undefined;
    return row === undefined ? null : toJob(row);
  }

  listUnfinished(): readonly DeletionJob[] {
    const scope = this.#scope();
    if (scope !== null) this.#db.prepare('UPDATE deletion_jobs SET server = ?, account = ? WHERE server IS NULL').run(scope.server, scope.account);
    const rows = this.#db.prepare(`${JOB_SELECT} WHERE j.phase <> 'done' AND ${MINE} ORDER BY j.created_at, j.job_id`).all(...this.#params()) as JobRow[];
    return rows.map(toJob);
  }

  /** The parameters of MINE. */
  #params(): [string | null, string | null, string | null] {
    const scope = this.#scope();
    return [scope?.server ?? null, scope?.server ?? null, scope?.account ?? null];
  }

  setPhase(jobId: string, phase: DeletionPhase): void {
    this.#db.prepare('UPDATE deletion_jobs SET phase = ?, updated_at = ? WHERE job_id = ?').run(phase, this.#now(), jobId);
  }

  addPersons(jobId: string, personIds: readonly string[]): void {
    const insert = this.#db.prepare(
      `INSERT OR IGNORE INTO deletion_job_persons (job_id, person_id, seq)
       VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM deletion_job_persons WHERE job_id = ?))`,
    );
    this.#db.transaction(() => {
      for (const personId of personIds) insert.run(jobId, personId, jobId);
    })();
  }

  pendingPersons(jobId: string): readonly string[] {
    return this.#db
      .prepare('SELECT person_id FROM deletion_job_persons WHERE job_id = ? AND done = 0 ORDER BY seq')
      .pluck()
      .all(jobId) as string[];
  }

  knownPersons(jobId: string): readonly string[] {
    return this.#db.prepare('SELECT person_id FROM deletion_job_persons WHERE job_id = ? ORDER BY seq').pluck().all(jobId) as string[];
  }

  markPersonDone(jobId: string, personId: string, deletedAnalyses: number): void {
    this.#db.transaction(() => {
      this.#db.prepare('UPDATE deletion_job_persons SET done = 1 WHERE job_id = ? AND person_id = ?').run(jobId, personId);
      this.#db
        .prepare('UPDATE deletion_jobs SET deleted_analyses = deleted_analyses + ?, updated_at = ? WHERE job_id = ?')
        .run(deletedAnalyses, this.#now(), jobId);
    })();
  }

  recordError(jobId: string, message: string | null): void {
    this.#db.prepare('UPDATE deletion_jobs SET last_error = ?, updated_at = ? WHERE job_id = ?').run(message, this.#now(), jobId);
  }
}

// Jobs of the scope in force; with none known, every job.
const MINE = '(? IS NULL OR (j.server = ? AND j.account = ?) OR j.server IS NULL)';

function toJob(row: JobRow): DeletionJob {
  return {
    jobId: row.job_id,
    collectionId: row.collection_id,
    phase: row.phase,
    total: row.total,
    done: row.done,
    deletedAnalyses: row.deleted_analyses,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
