import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, migrate, type Migration } from './migrate.js';

const table = (name: string, version: number): Migration => ({
  version,
  name: `create ${name}`,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER)`),
});

describe('migrate', () => {
  let db: Database.Database;
  afterEach(() => db.close());

  it('applies pending migrations once, in order, per scope', () => {
    db = new Database(':memory:');
    expect(migrate(db, 'a', [table('a1', 1), table('a2', 2)])).toEqual([1, 2]);
    expect(migrate(db, 'a', [table('a1', 1), table('a2', 2)])).toEqual([]);
    expect(migrate(db, 'a', [table('a1', 1), table('a2', 2), table('a3', 3)])).toEqual([3]);
    expect(migrate(db, 'b', [table('b1', 1)])).toEqual([1]);
    expect(currentVersion(db, 'a')).toBe(3);
    expect(currentVersion(db, 'b')).toBe(1);
  });

  it('rolls a failing migration back whole and keeps the earlier ones', () => {
    db = new Database(':memory:');
    const broken: Migration = {
      version: 2,
      name: 'half done',
      up: (d) => {
        d.exec('CREATE TABLE half (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, 'x', [table('x1', 1), broken])).toThrow('boom');
    expect(currentVersion(db, 'x')).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a database newer than the code and misnumbered lists', () => {
    db = new Database(':memory:');
    migrate(db, 'n', [table('n1', 1), table('n2', 2)]);
    expect(() => migrate(db, 'n', [table('n1', 1)])).toThrow(/newer/);
    expect(() => migrate(db, 'm', [table('m2', 2)])).toThrow(/numbered/);
  });
});
