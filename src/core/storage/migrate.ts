import type Database from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing within one scope, starting at 1. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

/**
 * Applies the pending migrations of one scope (e.g. `queue`, `settings-cache`), each in
 * its own transaction together with its `schema_migrations` row, so a crash leaves the
 * schema at a whole version. Several features share one database file, each with its
 * own scope. Returns the versions applied now.
 */
export function migrate(db: Database.Database, scope: string, migrations: readonly Migration[]): readonly number[] {
  assertOrdered(scope, migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    scope TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (scope, version)
  )`);
  const current = currentVersion(db, scope);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`Database schema "${scope}" is at version ${current}, newer than this app knows (${latest}).`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (scope, version, name, applied_at) VALUES (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      record.run(scope, m.version, m.name, Date.now());
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}

export function currentVersion(db: Database.Database, scope: string): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations WHERE scope = ?').get(scope) as { v: number | null };
  return row.v ?? 0;
}

function assertOrdered(scope: string, migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations of "${scope}" must be numbered 1..n in order (got ${m.version} at ${i}).`);
  });
}
