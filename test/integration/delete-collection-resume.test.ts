import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OzNetworkError, type OzClient } from '../../src/core/oz/index.js';
import { CollectionDeleter, type DeletionProgress } from '../../src/core/services/delete-collection.js';
import { SqliteDeletionJobStore } from '../../src/core/services/deletion-jobs/sqlite-deletion-job-store.js';
import { makePhoto } from '../helpers/make-jpeg.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

let sb: Sandbox;
let dir: string;
let dbFile: string;

beforeEach(async () => {
  sb = await startDemoSandbox();
  dir = mkdtempSync(join(tmpdir(), 'delete-collection-'));
  dbFile = join(dir, 'app.sqlite');
});
afterEach(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A collection of `count` persons; the first `matched` were matched by a COLLECTION analysis. */
async function populatedCollection(client: OzClient, count: number, matched: number, seed: number) {
  const { collectionId } = await client.createCollection({ alias: `doomed-${seed}`, companyId: sb.demo?.companyId ?? '' });
  const personIds: string[] = [];
  const analysisIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const photo = await makePhoto(seed + i);
    personIds.push((await client.createPerson(collectionId, { photos: [photo] })).personId);
    if (i < matched) {
      const folder = await client.createFolder({ photos: [photo] });
      const [analysis] = await client.startCollectionAnalysis(folder.folderId, collectionId);
      analysisIds.push(analysis?.analysisId ?? '');
    }
  }
  return { collectionId, personIds, analysisIds };
}

/** A new "process": its own client, database connection and store over the same file. */
async function freshProcess() {
  const { client } = await signedInClient(sb);
  const db = new Database(dbFile);
  const store = new SqliteDeletionJobStore(db);
  return { client, db, store, deleter: new CollectionDeleter({ client, store }) };
}

it('finishes an aborted deletion from a fresh store over the same SQLite file', async () => {
  const first = await freshProcess();
  const { collectionId, personIds, analysisIds } = await populatedCollection(first.client, 12, 3, 600);
  const controller = new AbortController();
  const aborted = await first.deleter
    .start(
      { collectionId, confirmDeleteAnalyses: true },
      {
        signal: controller.signal,
        pageSize: 5,
        onProgress: (p) => {
          if (p.phase === 'deleting-persons' && p.done >= 5) controller.abort();
        },
      },
    )
    .catch((e: unknown) => e);
  expect((aborted as Error).name).toBe('AbortError');
  first.db.close();

  // Somebody else deletes a pending person meanwhile: the resumed job must count it as done.
  const second = await freshProcess();
  const [job] = second.deleter.listUnfinished();
  expect(job).toMatchObject({ collectionId, phase: 'deleting-persons', total: 12 });
  expect(job?.done).toBeGreaterThanOrEqual(5);
  expect(job?.done).toBeLessThan(12);
  const pending = second.store.pendingPersons(job?.jobId ?? '');
  await second.client.deletePerson(collectionId, pending.at(-1) ?? '');

  const events: DeletionProgress[] = [];
  const result = await second.deleter.resume(job?.jobId ?? '', { onProgress: (p) => events.push(p) });
  expect(result).toEqual({ jobId: job?.jobId, collectionId, deletedPersons: 12, deletedAnalyses: 3 });
  expect(events.at(-1)).toMatchObject({ phase: 'done', done: 12, total: 12 });
  expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
  expect(second.deleter.listUnfinished()).toEqual([]);

  await expect(second.client.getCollection(collectionId)).rejects.toMatchObject({ errorCode: 10 });
  for (const analysisId of analysisIds) {
    await expect(second.client.getAnalysis(analysisId)).rejects.toMatchObject({ errorCode: 10 });
  }
  expect(personIds).toHaveLength(12);
  second.db.close();
});

it('finishes after a network drop, picking up persons added in between', async () => {
  const first = await freshProcess();
  const { collectionId } = await populatedCollection(first.client, 8, 2, 700);
  const dropped = await first.deleter
    .start(
      { collectionId, confirmDeleteAnalyses: true },
      {
        onProgress: (p) => {
          if (p.phase === 'deleting-persons' && p.done === 3) sb.setFaults('reset=1');
        },
      },
    )
    .catch((e: unknown) => e);
  expect(dropped).toBeInstanceOf(OzNetworkError);
  sb.setFaults(null);
  first.db.close();

  const second = await freshProcess();
  const [job] = second.deleter.listUnfinished();
  expect(job).toMatchObject({ collectionId, done: 3, total: 8 });
  expect(job?.lastError).toMatch(/connection/i);
  const latecomer = await second.client.createPerson(collectionId, { photos: [await makePhoto(799)] });

  // Starting again for the same collection continues the unfinished job instead of opening another.
  const result = await second.deleter.start({ collectionId, confirmDeleteAnalyses: true });
  expect(result).toMatchObject({ jobId: job?.jobId, deletedPersons: 9, deletedAnalyses: 2 });
  expect(second.store.knownPersons(job?.jobId ?? '')).toContain(latecomer.personId);
  expect(second.store.get(job?.jobId ?? '')).toMatchObject({ phase: 'done', lastError: null });
  await expect(second.client.getCollection(collectionId)).rejects.toMatchObject({ errorCode: 10 });
  second.db.close();
});
