import path from 'node:path';
import Database from 'better-sqlite3';
import { preparePrivateDatabase, restrictFiles } from './private-files.js';

export const DESK_DB_FILE = 'desk.db';

/**
 * The desk's one SQLite database (queue, cache, jobs, audit), WAL mode. Each feature
 * creates its own tables through `migrate(db, '<scope>', migrations)`. `dataDir: null`
 * opens an in-memory database for tests.
 */
export function openDeskDb(dataDir: string | null): Database.Database {
  let file = ':memory:';
  if (dataDir !== null) {
    file = path.join(dataDir, DESK_DB_FILE);
    preparePrivateDatabase(dataDir, file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (dataDir !== null) restrictFiles([`${file}-wal`, `${file}-shm`]);
  // FULL: a committed enrollment survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
