import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const DESK_DB_FILE = 'desk.db';

/**
 * The desk's one SQLite database (queue, cache, jobs, audit), WAL mode. Each feature
 * creates its own tables through `migrate(db, '<scope>', migrations)`. `dataDir: null`
 * opens an in-memory database for tests.
 */
export function openDeskDb(dataDir: string | null): Database.Database {
  let file = ':memory:';
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = path.join(dataDir, DESK_DB_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a committed enrollment survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
