import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile, restrictFiles } from './private-files.js';

export type SandboxDb = Database.Database;

// seq columns give every list a stable creation order even when timestamps tie.
const schema = `
CREATE TABLE IF NOT EXISTS companies (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  user_type TEXT NOT NULL CHECK (user_type IN ('ADMIN', 'CLIENT')),
  company_id TEXT REFERENCES companies(company_id),
  is_admin INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS tokens (
  access_token TEXT PRIMARY KEY,
  expire_token TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  issued_at_ms INTEGER NOT NULL,
  access_expires_at_ms INTEGER NOT NULL,
  refresh_expires_at_ms INTEGER NOT NULL,
  parent_access_token TEXT,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS collections (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  collection_id TEXT NOT NULL UNIQUE,
  alias TEXT NOT NULL,
  company_id TEXT NOT NULL REFERENCES companies(company_id),
  meta_data TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS persons (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id TEXT NOT NULL UNIQUE,
  collection_id TEXT NOT NULL REFERENCES collections(collection_id) ON DELETE CASCADE,
  meta_data TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS persons_by_collection ON persons(collection_id, seq);
CREATE TABLE IF NOT EXISTS person_images (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  person_image_id TEXT NOT NULL UNIQUE,
  person_id TEXT NOT NULL REFERENCES persons(person_id) ON DELETE CASCADE,
  original_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  tags TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  dhash TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS images_by_person ON person_images(person_id, seq);
CREATE TABLE IF NOT EXISTS folders (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  folder_id TEXT NOT NULL UNIQUE,
  company_id TEXT,
  user_id TEXT NOT NULL,
  meta_data TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS folder_media (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  media_id TEXT NOT NULL UNIQUE,
  folder_id TEXT NOT NULL REFERENCES folders(folder_id) ON DELETE CASCADE,
  original_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  tags TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  dhash TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  analyse_id TEXT NOT NULL UNIQUE,
  folder_id TEXT NOT NULL REFERENCES folders(folder_id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  state TEXT NOT NULL,
  resolution TEXT NOT NULL,
  collection_id TEXT NOT NULL,
  collection_alias TEXT NOT NULL,
  source_media TEXT NOT NULL,
  results_data TEXT NOT NULL,
  time_created REAL NOT NULL,
  time_updated REAL NOT NULL,
  finishes_at_ms REAL
);
CREATE TABLE IF NOT EXISTS analysis_matches (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  analyse_id TEXT NOT NULL REFERENCES analyses(analyse_id) ON DELETE CASCADE,
  source_media_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  person_image_id TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS matches_by_person ON analysis_matches(person_id);
`;

export function openDatabase(dataDir: string | null): SandboxDb {
  let file = ':memory:';
  if (dataDir !== null) {
    ensurePrivateDir(dataDir);
    file = join(dataDir, 'sandbox.db');
    // SQLite gives its -wal and -shm files the database file's mode.
    ensurePrivateFile(file);
  }
  const db = new Database(file);
  if (dataDir !== null) {
    db.pragma('journal_mode = WAL');
    restrictFiles([`${file}-wal`, `${file}-shm`]);
  }
  db.pragma('foreign_keys = ON');
  db.exec(schema);
  addMissingColumns(db);
  return db;
}

// Data folders made before a column existed get it added in place.
function addMissingColumns(db: SandboxDb): void {
  const columns = db.prepare('PRAGMA table_info(analyses)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'finishes_at_ms')) db.exec('ALTER TABLE analyses ADD COLUMN finishes_at_ms REAL');
}

export const nowSeconds = (): number => Date.now() / 1000;

export const toJsonText = (value: unknown): string => JSON.stringify(value ?? null);

export const fromJsonText = (text: string): unknown => JSON.parse(text) as unknown;
