import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../secrets/in-memory-secret-store.js';
import { BLOB_DIR } from './blob-store.js';
import { openQueue, type EnrollmentQueue } from './enrollment-queue.js';
import { DESK_DB_FILE } from './open-queue-db.js';
import { personMeta, photos, tempDir } from './testing/queue-test-kit.js';

describe('EnrollmentQueue (store)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let secrets: InMemorySecretStore;
  let queue: EnrollmentQueue;
  const open = () => openQueue({ dataDir: tmp.dir, secretStore: secrets });
  const blobFiles = () => readdirSync(path.join(tmp.dir, BLOB_DIR));

  beforeEach(async () => {
    tmp = tempDir('queue');
    secrets = new InMemorySecretStore();
    queue = await open();
  });
  afterEach(() => {
    queue.close();
    tmp.remove();
  });

  it('finds photos waiting in the queue by hash (per collection), until the server confirms them', async () => {
    const [a, b] = await photos(2);
    if (a === undefined || b === undefined) throw new Error('fixture');
    const { itemId } = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Ada', 'Lovelace') }, [a]);
    expect(queue.hasPhoto(a.sha256)).toBe(true);
    expect(queue.hasPhoto(a.sha256, 'c1')).toBe(true);
    expect(queue.hasPhoto(a.sha256, 'c2')).toBe(false);
    expect(queue.hasPhoto(b.sha256)).toBe(false);
    queue.engine.store.confirm(itemId, 'p1', [{ position: 0, personImageId: 'i1' }], { done: true });
    expect(queue.hasPhoto(a.sha256)).toBe(false);
  });

  it('lists only the items not on the server yet when asked', async () => {
    const [a, b, c] = await photos(3);
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture');
    const sent = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Ada', 'Lovelace') }, [a]);
    const waiting = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Bo', 'Brown') }, [b]);
    const other = await queue.enqueueCreatePerson({ collectionId: 'c2', metaData: personMeta('Cy', 'Cole') }, [c]);
    queue.engine.store.confirm(sent.itemId, 'p1', [{ position: 0, personImageId: 'i1' }], { done: true });
    const ids = (unsent: boolean) => queue.list({ limit: 10, offset: 0, unsent }).map((v) => v.id);
    expect(ids(false)).toEqual([sent.itemId, waiting.itemId, other.itemId]);
    expect(ids(true)).toEqual([waiting.itemId, other.itemId]);
    // A quarantined item is not on the server either.
    queue.engine.store.quarantine(waiting.itemId, 'collection gone', 'collection-gone');
    expect(ids(true)).toEqual([waiting.itemId, other.itemId]);
  });

  it('reset removes every row and photo file, and later enqueues still work and survive a reopen', async () => {
    const sent = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Ada', 'Lovelace') }, await photos(1));
    queue.engine.store.confirm(sent.itemId, 'p1', [{ position: 0, personImageId: 'i1' }], { done: true });
    await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Bo', 'Brown') }, await photos(2));
    let changes = 0;
    queue.onChange(() => (changes += 1));
    expect(queue.reset()).toBe(2);
    expect(changes).toBe(1);
    expect(queue.list({ limit: 10, offset: 0 })).toEqual([]);
    expect(queue.unsyncedCount()).toBe(0);
    expect(blobFiles()).toEqual([]);

    const after = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Cy', 'Cole') }, await photos(1));
    queue.close();
    queue = await open();
    const [view] = queue.list({ limit: 10, offset: 0, withNames: true });
    expect(view).toMatchObject({ id: after.itemId, state: 'ready', displayName: 'Cy Cole' });
    expect(queue.engine.blobs.read(queue.engine.store.load(after.itemId)?.photos[0]?.blob_id ?? '').length).toBeGreaterThan(0);
  });

  it('purgeDone removes only sent items older than the cutoff', async () => {
    let clock = 1_000;
    queue.close();
    queue = await openQueue({ dataDir: tmp.dir, secretStore: secrets, now: () => clock });
    const old = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'A') }, await photos(1));
    queue.engine.store.confirm(old.itemId, 'p1', [{ position: 0, personImageId: 'i1' }], { done: true });
    clock = 5_000;
    const recent = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('B', 'B') }, await photos(1));
    queue.engine.store.confirm(recent.itemId, 'p2', [{ position: 0, personImageId: 'i2' }], { done: true });
    const waiting = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('C', 'C') }, await photos(1));
    clock = 10_000;
    expect(queue.purgeDone(3_000)).toBe(1);
    expect(queue.list({ limit: 10, offset: 0 }).map((v) => v.id)).toEqual([recent.itemId, waiting.itemId]);
    expect(queue.purgeDone(3_000)).toBe(0);
  });

  it('persists an enrollment before acknowledging it, with the enrollment id in its meta data', async () => {
    const res = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('Ada', 'Lovelace') }, await photos(2));
    expect(res.created).toBe(true);
    expect(res.enrollmentId).toMatch(/^[0-9a-f-]{36}$/);
    queue.close();
    queue = await open();
    const [item] = queue.list({ limit: 10, offset: 0, withNames: true });
    expect(item).toMatchObject({ id: res.itemId, state: 'ready', kind: 'createPerson', photoCount: 2, displayName: 'Ada Lovelace' });
    expect(item?.fileNames).toEqual(['photo-0.jpg', 'photo-1.jpg']);
    const secret = queue.engine.cipher.openJson(queue.engine.store.load(res.itemId)?.row.secret_enc as Buffer) as {
      metaData: { enrollment: { id: string; desk: string } };
    };
    expect(secret.metaData.enrollment).toMatchObject({ id: res.enrollmentId, desk: 'desk-1' });
    expect(blobFiles()).toHaveLength(2);
  });

  it('is idempotent per enrollment id and rejects bad input', async () => {
    const enrollmentId = '0b0e3f0e-3c1c-4c7a-9b1e-8d7f1a2b3c4d';
    const first = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'B'), enrollmentId }, await photos(1));
    const again = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'B'), enrollmentId }, await photos(1));
    expect(again).toEqual({ itemId: first.itemId, enrollmentId, created: false });
    const [p] = await photos(1);
    await expect(queue.enqueueCreatePerson({ collectionId: 'c1', metaData: {} }, [{ ...p!, sha256: 'a'.repeat(64) }])).rejects.toThrow(/sha256/);
    await expect(queue.enqueueCreatePerson({ collectionId: 'c1', metaData: {} }, [])).rejects.toThrow(/photo/);
    await expect(queue.enqueueCreatePerson({ collectionId: 'c1', metaData: {} }, [p!, p!])).rejects.toThrow(/twice/);
    await expect(queue.enqueueAddPhotos({ collectionId: 'c1', dependsOnEnrollmentId: '1b0e3f0e-3c1c-4c7a-9b1e-8d7f1a2b3c4d' }, [p!])).rejects.toThrow(/No queued/);
    expect(queue.status().counts.ready).toBe(1);
    expect(blobFiles()).toHaveLength(1);
  });

  it('retries a quarantined item with fixed tags, and discards with its photo files', async () => {
    const ph = await photos(2);
    const { itemId } = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'B') }, ph);
    queue.engine.store.quarantine(itemId, 'bad tag');
    expect(queue.status().counts.quarantined).toBe(1);
    expect(queue.retry(itemId, { tagsBySha256: { [ph[0]!.sha256]: ['photo_id_front'] } })).toBe(true);
    const item = queue.engine.store.load(itemId);
    expect(item?.row.state).toBe('ready');
    expect(item?.photos.map((p) => p.tags)).toEqual([['photo_id_front'], ['photo_selfie']]);
    expect(queue.retry(itemId)).toBe(false);
    expect(queue.discard(itemId)).toBe(true);
    expect(blobFiles()).toHaveLength(0);
    expect(queue.list({ limit: 10, offset: 0 })).toHaveLength(0);
  });

  it('quarantines a corrupt row with a reason instead of crashing', async () => {
    const a = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'B') }, await photos(1));
    const b = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('C', 'D') }, await photos(1));
    const raw = new Database(path.join(tmp.dir, DESK_DB_FILE));
    raw.prepare("UPDATE queue_items SET kind = 'explode' WHERE id = ?").run(a.itemId);
    raw.close();
    const claimed = queue.engine.store.claimNext(null);
    expect(claimed?.row.id).toBe(b.itemId);
    const listed = queue.list({ limit: 10, offset: 0 });
    expect(listed.find((v) => v.id === a.itemId)).toMatchObject({ state: 'quarantined', quarantineReason: expect.stringMatching(/invalid/) });
    expect(queue.status().counts).toMatchObject({ quarantined: 1, syncing: 1 });
  });

  it('returns items caught in syncing to ready with a reconcile mark on reopen', async () => {
    const { itemId } = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'B') }, await photos(1));
    expect(queue.engine.store.claimNext(null)?.row.id).toBe(itemId);
    queue.close();
    queue = await open();
    const row = queue.engine.store.load(itemId)?.row;
    expect(row).toMatchObject({ state: 'ready', in_flight: 1 });
  });

  it('holds add-photos until the enrollment it depends on has a person', async () => {
    const create = await queue.enqueueCreatePerson({ collectionId: 'c1', metaData: personMeta('A', 'B') }, await photos(1));
    const add = await queue.enqueueAddPhotos({ collectionId: 'c1', dependsOnEnrollmentId: create.enrollmentId as string }, await photos(1));
    expect(queue.engine.store.claimNext(null)?.row.id).toBe(create.itemId);
    expect(queue.engine.store.claimNext(null)).toBeNull();
    queue.engine.store.confirm(create.itemId, 'person-9', [{ position: 0, personImageId: 'img' }]);
    const claimed = queue.engine.store.claimNext(null);
    expect(claimed?.row).toMatchObject({ id: add.itemId, person_id: 'person-9' });
  });

  it('reports counts and the age of the oldest pending item, and exports CSV safely', async () => {
    let now = 1_700_000_000_000;
    queue.close();
    queue = await openQueue({ dataDir: tmp.dir, secretStore: secrets, now: () => now });
    const a = await queue.enqueueCreatePerson({ collectionId: 'c,"1"', metaData: personMeta('A', 'B') }, await photos(1));
    now += 5000;
    await queue.enqueueCreatePerson({ collectionId: 'c2', metaData: personMeta('C', 'D') }, await photos(1));
    now += 1000;
    queue.engine.store.quarantine(a.itemId, '=HYPERLINK("x")\nline');
    const s = queue.status();
    expect(s.counts).toMatchObject({ ready: 1, quarantined: 1, syncing: 0, retryWait: 0, doneToday: 0 });
    expect(s.oldestPendingAgeMs).toBe(1000);
    const csv = queue.exportCsv();
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^item_id,kind,state,/);
    expect(csv).toContain('"c,""1"""');
    expect(csv).toContain(`"'=HYPERLINK(""x"")\nline"`);
    expect(csv).not.toContain('Lovelace');
  });
});
