import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeletionJobView } from '../../../shared/domain/collections.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { makePhoto } from '../../../../test/helpers/make-jpeg.js';
import type { OzClient } from '../../oz/index.js';
import { CacheCipher } from '../cache/cache-cipher.js';
import { DeskCache } from '../cache/desk-cache.js';
import { SqliteDeletionJobStore } from '../deletion-jobs/sqlite-deletion-job-store.js';
import { CollectionDeletions } from './collection-deletions.js';
import { CollectionsService } from './collections-service.js';
import { EnrolledPhotos } from '../enroll/enrolled-photos.js';

let sb: Sandbox;
let client: OzClient;
let db: Database.Database;
let cache: DeskCache;

beforeEach(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb, { timeoutMs: 2000 })).client;
  db = new Database(':memory:');
  cache = new DeskCache(db, new CacheCipher(randomBytes(32)));
});
afterEach(async () => {
  db.close();
  await sb.close();
});

async function seedPersons(collectionId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await client.createPerson(collectionId, { photos: [await makePhoto(100 + i)], metaData: { first_name: `P${i}` } });
}

function deletions(events: DeletionJobView[]): CollectionDeletions {
  return new CollectionDeletions({
    client: () => client,
    cache,
    store: new SqliteDeletionJobStore(db),
    onProgress: (job) => events.push(job),
    retryDelayMs: () => 20,
    enrolled: new EnrolledPhotos(db, () => null),
  });
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('CollectionsService', () => {
  it('lists collections with company names and person counts, creates one and remembers the company', async () => {
    const service = new CollectionsService({ client: () => client, cache });
    const demo = sb.demo!;
    await seedPersons(demo.collectionId, 2);
    const list = await service.list();
    expect(list.offline).toBe(false);
    // Given by the server, or counted by the desk where the server says nothing (strict).
    expect(list.collections).toEqual([expect.objectContaining({ collectionId: demo.collectionId, companyName: demo.companyName, personsCount: 2 })]);

    const companies = await service.searchCompanies(demo.companyName.slice(0, 4));
    expect(companies.map((c) => c.name)).toContain(demo.companyName);
    const created = await service.create({ alias: 'north', company: { companyId: demo.companyId, name: demo.companyName } });
    expect(created).toMatchObject({ alias: 'north', personsCount: 0, companyName: demo.companyName });
    expect(service.rememberedCompany()).toEqual({ companyId: demo.companyId, name: demo.companyName });
    expect((await service.list()).collections.map((c) => c.alias)).toEqual(['demo-watchlist', 'north']);
  });

  it('shows a collection\'s new size after the desk deleted one of its persons', async () => {
    const service = new CollectionsService({ client: () => client, cache });
    const { collectionId } = await client.createCollection({ alias: 'shrinking', companyId: sb.demo!.companyId });
    await seedPersons(collectionId, 2);
    const countOf = async () => (await service.list()).collections.find((c) => c.collectionId === collectionId)?.personsCount;
    expect(await countOf()).toBe(2);
    const [first] = (await client.listPersons(collectionId, { limit: 10, offset: 0 })).items;
    await client.deletePerson(collectionId, first!.personId);
    cache.removePerson(collectionId, first!.personId);
    expect(await countOf()).toBe(1);
  });

  it('falls back to the last list seen when the server cannot be reached', async () => {
    const service = new CollectionsService({ client: () => client, cache });
    const online = await service.list();
    await sb.close();
    const offline = await service.list();
    expect(offline).toMatchObject({ offline: true, asOf: online.asOf, collections: online.collections });
    expect(offline.offlineReason).not.toBeNull();
  });

  it('previews what a deletion removes, and refuses a mistyped alias', async () => {
    const service = new CollectionsService({ client: () => client, cache });
    const { collectionId } = await client.createCollection({ alias: 'doomed', companyId: sb.demo!.companyId });
    await seedPersons(collectionId, 3);
    expect(await service.preview(collectionId)).toEqual({ collectionId, alias: 'doomed', persons: 3, photos: 3, analyses: 0 });
    await expect(service.checkAlias(collectionId, 'doome')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await service.checkAlias(collectionId, 'doomed')).toBe('doomed');
  });
});

describe('CollectionDeletions', () => {
  it('finishes through connection resets, reporting progress to the end', async () => {
    const { collectionId } = await client.createCollection({ alias: 'flaky', companyId: sb.demo!.companyId });
    await seedPersons(collectionId, 6);
    sb.setFaults('reset=0.3');
    const events: DeletionJobView[] = [];
    const jobs = deletions(events);
    const started = jobs.start(collectionId, 'flaky');
    expect(started).toMatchObject({ collectionId, alias: 'flaky', running: true });
    await until(() => events.some((e) => e.phase === 'done'));
    sb.setFaults(null);
    expect(events.at(-1)).toMatchObject({ phase: 'done', done: 6, total: 6, running: false });
    await expect(client.getCollection(collectionId)).rejects.toMatchObject({ httpStatus: 404 });
    expect(jobs.list()).toEqual([]);
  });

  it('leaves an interrupted job stored; a new instance (an app restart) lists and resumes it', async () => {
    const { collectionId } = await client.createCollection({ alias: 'restart', companyId: sb.demo!.companyId });
    await seedPersons(collectionId, 4);
    sb.setFaults('reset=1');
    const first = deletions([]);
    first.start(collectionId, 'restart');
    await until(() => first.list()[0]?.lastError !== null && first.list()[0]?.running === false);
    first.stopAll();
    sb.setFaults(null);

    const events: DeletionJobView[] = [];
    const second = deletions(events);
    expect(second.list()).toEqual([expect.objectContaining({ collectionId, alias: 'restart', running: false })]);
    second.resumeAll();
    await until(() => events.some((e) => e.phase === 'done'));
    expect(second.list()).toEqual([]);
    await expect(client.getCollection(collectionId)).rejects.toMatchObject({ httpStatus: 404 });
  });
});
