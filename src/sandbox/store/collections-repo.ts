import { randomUUID } from 'node:crypto';
import type { SandboxProfile } from '../profile.js';
import { fromJsonText, nowSeconds, toJsonText, type SandboxDb } from './database.js';

export interface CollectionRow {
  readonly collection_id: string;
  readonly alias: string;
  readonly company_id: string;
  readonly meta_data: string;
  readonly time_created: number;
  readonly time_updated: number;
  readonly persons_count: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

const selectCollection = `SELECT c.collection_id, c.alias, c.company_id, c.meta_data, c.time_created, c.time_updated,
  (SELECT COUNT(*) FROM persons p WHERE p.collection_id = c.collection_id) AS persons_count
  FROM collections c`;

export function collectionJson(row: CollectionRow, profile: SandboxProfile): Record<string, unknown> {
  const json = {
    collection_id: row.collection_id,
    alias: row.alias,
    company_id: row.company_id,
    meta_data: fromJsonText(row.meta_data),
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
  return profile.personsCount ? { ...json, persons_count: row.persons_count } : json;
}

export class CollectionsRepo {
  constructor(private readonly db: SandboxDb) {}

  create(alias: string, companyId: string, metaData: unknown): CollectionRow {
    const id = randomUUID();
    const now = nowSeconds();
    this.db
      .prepare(
        `INSERT INTO collections (collection_id, alias, company_id, meta_data, time_created, time_updated)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, alias, companyId, toJsonText(metaData), now, now);
    const row = this.get(id);
    if (row === null) throw new Error('collection vanished after insert');
    return row;
  }

  get(collectionId: string): CollectionRow | null {
    const row = this.db.prepare(`${selectCollection} WHERE c.collection_id = ?`).get(collectionId) as
      | CollectionRow
      | undefined;
    return row ?? null;
  }

  findByAlias(companyId: string, alias: string): CollectionRow | null {
    const row = this.db
      .prepare(`${selectCollection} WHERE c.company_id = ? AND c.alias = ? ORDER BY c.seq LIMIT 1`)
      .get(companyId, alias) as CollectionRow | undefined;
    return row ?? null;
  }

  list(companyId: string | null, limit: number, offset: number): Page<CollectionRow> {
    const where = 'WHERE (? IS NULL OR c.company_id = ?)';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM collections c ${where}`).get(companyId, companyId) as { n: number }
    ).n;
    const items = this.db
      .prepare(`${selectCollection} ${where} ORDER BY c.seq LIMIT ? OFFSET ?`)
      .all(companyId, companyId, limit, offset) as CollectionRow[];
    return { items, total };
  }

  delete(collectionId: string): void {
    this.db.prepare('DELETE FROM collections WHERE collection_id = ?').run(collectionId);
  }
}
