import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeskScope } from '../../../shared/domain/desk-scope.js';
import { migrate } from '../../storage/migrate.js';
import { EnrolledPhotos } from './enrolled-photos.js';

const A: DeskScope = { server: 'https://a.oz.example', account: 'op@bank.example' };
const B: DeskScope = { server: 'https://b.oz.example', account: 'op@bank.example' };
const sha = (n: number): string => n.toString(16).padStart(64, '0');

/** Two views of one desk database, one per signed-in scope. */
function desk(): { readonly db: Database.Database; readonly on: (s: DeskScope) => EnrolledPhotos } {
  const db = new Database(':memory:');
  return { db, on: (s) => new EnrolledPhotos(db, () => s) };
}

describe('the enrolled-photo record belongs to a server and account', () => {
  it('a photo enrolled on A is not "already enrolled" on B, in the same collection id', () => {
    const { db, on } = desk();
    on(A).record('c1', { personId: 'pa', enrollmentId: 'ea' }, [sha(1)]);
    expect(on(A).find('c1', sha(1))).toEqual({ personId: 'pa', enrollmentId: 'ea' });
    expect(on(B).find('c1', sha(1))).toBeNull();
    // Another account on the same server is another scope too.
    expect(new EnrolledPhotos(db, () => ({ ...A, account: 'other@bank.example' })).find('c1', sha(1))).toBeNull();
  });

  it("deletions on B leave A's record alone; a queue item is recorded under its own scope", () => {
    const { on } = desk();
    on(A).record('c1', { personId: 'p1', enrollmentId: 'e1' }, [sha(1), sha(2)]);
    on(B).record('c1', { personId: 'p1', enrollmentId: 'e9' }, [sha(1)]);
    on(B).forgetPerson('c1', 'p1');
    on(B).forgetCollection('c1');
    expect(on(A).find('c1', sha(2))).toMatchObject({ personId: 'p1' });
    // The sync worker records what it sent to A even while B is signed in.
    on(B).record('c2', { personId: 'p2', enrollmentId: 'e2' }, [sha(3)], A);
    expect(on(A).find('c2', sha(3))).toMatchObject({ personId: 'p2' });
    expect(on(B).find('c2', sha(3))).toBeNull();
  });

  it('migrates the rows of a desk made before scopes: the first scope to use them adopts them', () => {
    const db = new Database(':memory:');
    migrate(db, 'enroll', [
      {
        version: 1,
        name: 'enrolled photos by hash',
        up: (d) =>
          d.exec(`CREATE TABLE enroll_photos (collection_id TEXT NOT NULL, sha256 TEXT NOT NULL, enrollment_id TEXT NOT NULL,
            person_id TEXT NOT NULL, enrolled_at INTEGER NOT NULL, PRIMARY KEY (collection_id, sha256)) WITHOUT ROWID`),
      },
    ]);
    db.prepare('INSERT INTO enroll_photos VALUES (?, ?, ?, ?, ?)').run('c1', sha(1), 'e1', 'p1', 1);
    db.prepare('INSERT INTO enroll_photos VALUES (?, ?, ?, ?, ?)').run('c1', sha(2), 'e2', 'p2', 1);
    const onA = new EnrolledPhotos(db, () => A);
    // A newer record of the adopting scope wins over the old row.
    onA.record('c1', { personId: 'p9', enrollmentId: 'e9' }, [sha(2)]);
    expect(onA.find('c1', sha(1))).toEqual({ personId: 'p1', enrollmentId: 'e1' });
    expect(onA.find('c1', sha(2))).toEqual({ personId: 'p9', enrollmentId: 'e9' });
    expect(new EnrolledPhotos(db, () => B).find('c1', sha(1))).toBeNull();
    expect((db.prepare("SELECT COUNT(*) AS n FROM enroll_photos WHERE server = ''").get() as { n: number }).n).toBe(0);
  });

  it('random records and deletions across two scopes agree with a model of one map per scope', () => {
    const scope = fc.constantFrom(A, B);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('record' as const), scope, collection: fc.constantFrom('c1', 'c2'), person: fc.constantFrom('p1', 'p2'), shas: fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('forget' as const), scope, collection: fc.constantFrom('c1', 'c2'), sha: fc.nat(4) }),
      fc.record({ kind: fc.constant('forgetPerson' as const), scope, collection: fc.constantFrom('c1', 'c2'), person: fc.constantFrom('p1', 'p2') }),
      fc.record({ kind: fc.constant('forgetCollection' as const), scope, collection: fc.constantFrom('c1', 'c2') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const { on } = desk();
        const model = new Map<string, string>();
        const key = (s: DeskScope, c: string, n: number): string => `${s.server}|${c}|${n}`;
        for (const o of ops) {
          const view = on(o.scope);
          const prefix = `${o.scope.server}|${o.collection}|`;
          if (o.kind === 'record') {
            view.record(o.collection, { personId: o.person, enrollmentId: 'e' }, o.shas.map(sha));
            for (const n of o.shas) model.set(key(o.scope, o.collection, n), o.person);
          } else if (o.kind === 'forget') {
            view.forget(o.collection, sha(o.sha));
            model.delete(key(o.scope, o.collection, o.sha));
          } else {
            if (o.kind === 'forgetPerson') view.forgetPerson(o.collection, o.person);
            else view.forgetCollection(o.collection);
            for (const [k, person] of model) if (k.startsWith(prefix) && (o.kind === 'forgetCollection' || person === o.person)) model.delete(k);
          }
        }
        for (const s of [A, B])
          for (const c of ['c1', 'c2'])
            for (let n = 0; n <= 4; n += 1) expect(on(s).find(c, sha(n))?.personId ?? null).toBe(model.get(key(s, c, n)) ?? null);
      }),
      { numRuns: 150 },
    );
  });
});
