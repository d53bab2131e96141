import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskScope } from '../../../shared/domain/desk-scope.js';
import { SqliteDeletionJobStore } from './sqlite-deletion-job-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deletion-jobs-'));
  dirs.push(dir);
  return join(dir, 'app.sqlite');
}

describe('SqliteDeletionJobStore', () => {
  it('shows each server and account its own jobs only; a job from before scopes is adopted by the first to look', () => {
    const db = new Database(':memory:');
    let scope: DeskScope | null = null;
    const store = new SqliteDeletionJobStore(db, () => 1000, () => scope);
    const legacy = store.create('col-legacy');
    scope = { server: 'https://a.example', account: 'op@a' };
    const onA = store.create('col-a');
    expect(store.listUnfinished().map((j) => j.collectionId).sort()).toEqual(['col-a', 'col-legacy']);
    scope = { server: 'https://b.example', account: 'op@a' };
    expect(store.listUnfinished()).toEqual([]);
    expect(store.get(onA.jobId)).toBeNull();
    expect(store.get(legacy.jobId)).toBeNull();
    const onB = store.create('col-b');
    expect(store.listUnfinished().map((j) => j.jobId)).toEqual([onB.jobId]);
    scope = { server: 'https://a.example', account: 'other@a' };
    expect(store.listUnfinished()).toEqual([]);
  });

  it('keeps person order, ignores duplicates and counts progress', () => {
    const db = new Database(':memory:');
    const store = new SqliteDeletionJobStore(db, () => 1000);
    const job = store.create('col-1');
    expect(job).toMatchObject({ collectionId: 'col-1', phase: 'listing', total: 0, done: 0, lastError: null });
    store.addPersons(job.jobId, ['p2', 'p1']);
    store.addPersons(job.jobId, ['p1', 'p3']);
    store.markPersonDone(job.jobId, 'p1', 2);
    expect(store.pendingPersons(job.jobId)).toEqual(['p2', 'p3']);
    expect(store.knownPersons(job.jobId)).toEqual(['p2', 'p1', 'p3']);
    expect(store.get(job.jobId)).toMatchObject({ total: 3, done: 1, deletedAnalyses: 2 });
    db.close();
  });

  it('lets a fresh instance over the same file find and continue unfinished jobs', () => {
    const file = dbFile();
    const first = new Database(file);
    const store = new SqliteDeletionJobStore(first);
    const open = store.create('col-open');
    const finished = store.create('col-done');
    store.addPersons(open.jobId, ['a', 'b']);
    store.markPersonDone(open.jobId, 'a', 0);
    store.setPhase(open.jobId, 'deleting-persons');
    store.recordError(open.jobId, 'connection reset');
    store.setPhase(finished.jobId, 'done');
    first.close();

    const second = new Database(file);
    const reopened = new SqliteDeletionJobStore(second);
    const unfinished = reopened.listUnfinished();
    expect(unfinished.map((j) => j.jobId)).toEqual([open.jobId]);
    expect(unfinished[0]).toMatchObject({ phase: 'deleting-persons', total: 2, done: 1, lastError: 'connection reset' });
    expect(reopened.pendingPersons(open.jobId)).toEqual(['b']);
    expect(reopened.get('missing')).toBeNull();
    second.close();
  });
});
