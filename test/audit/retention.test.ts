import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog, type AuditLog } from '../../src/core/audit/index.js';
import { processPhoto } from '../../src/core/images/process-photo.js';
import { BLOB_DIR, createSyncWorker, openQueue, type EnrollmentQueue } from '../../src/core/queue/index.js';
import { DAY_MS, runRetention, scheduleRetention } from '../../src/core/retention/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { CacheCipher } from '../../src/core/services/cache/cache-cipher.js';
import { DeskCache } from '../../src/core/services/cache/desk-cache.js';
import { openDeskDb } from '../../src/core/storage/open-desk-db.js';
import { makeTempDir, uniqueFace } from '../fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

const NOW = Date.UTC(2026, 5, 1, 12);
const key = randomBytes(32);

let sb: Sandbox;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database.Database;
let audit: AuditLog;
let queue: EnrollmentQueue;
let cache: DeskCache;
let clock = NOW;

async function photo(seed: number) {
  const p = await processPhoto({ bytes: await (await uniqueFace(seed)).jpeg().toBuffer() });
  if (!p.ok) throw new Error('fixture refused');
  return { jpeg: p.jpeg, sha256: p.sha256, tags: ['photo_selfie'], fileName: `${seed}.jpg` };
}

beforeEach(async () => {
  sb = await startDemoSandbox();
  temp = await makeTempDir('enroll-desk-retention-');
  const dataDir = join(temp.dir, 'desk');
  db = openDeskDb(dataDir);
  audit = openAuditLog(db, { desk: () => 'desk-r', operator: () => 'op@bank.example' }, () => clock);
  queue = await openQueue({ dataDir, secretStore: new InMemorySecretStore(), now: () => clock });
  cache = new DeskCache(db, new CacheCipher(key));
});

afterEach(async () => {
  queue.close();
  db.close();
  await sb.close();
  await temp.cleanup();
});

/** Enqueues and syncs one enrollment at `at`, so the queue row is done at that time. */
async function sentAt(at: number, seed: number): Promise<string> {
  clock = at;
  const { itemId } = await queue.enqueueCreatePerson({ collectionId: sb.demo?.collectionId ?? '', metaData: { person_info: { first_name: 'X' } } }, [await photo(seed)]);
  const { client } = await signedInClient(sb);
  expect((await createSyncWorker({ scope: () => null, queue, getClient: () => client }).syncNow()).sent).toBe(1);
  return itemId;
}

function cachedList(collectionId: string, asOf: number, persons: number): void {
  db.prepare('INSERT INTO cache_person_lists (collection_id, total, as_of, complete_at) VALUES (?, ?, ?, ?)').run(collectionId, persons, asOf, asOf);
  for (let i = 0; i < persons; i += 1) {
    db.prepare(`INSERT INTO cache_persons (collection_id, person_id, position, name_enc, photo_count, seen_at) VALUES (?, ?, ?, ?, 1, ?)`).run(
      collectionId, `${collectionId}-p${i}`, i, randomBytes(16), asOf,
    );
    db.prepare(`INSERT INTO cache_person_photos (person_id, person_image_id, position, tags) VALUES (?, ?, 0, '[]')`).run(`${collectionId}-p${i}`, `img-${collectionId}-${i}`);
  }
}

const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('retention purge', () => {
  it('removes exactly what is past its period (defaults 7 / 30 / 365 days) and the chain still verifies', async () => {
    const oldItem = await sentAt(NOW - 8 * DAY_MS, 51);
    const recentItem = await sentAt(NOW - 6 * DAY_MS, 52);
    clock = NOW - 1000;
    await queue.enqueueCreatePerson({ collectionId: 'not-yet-synced', metaData: {} }, [await photo(53)]);
    cachedList('old-col', NOW - 31 * DAY_MS, 3);
    cachedList('new-col', NOW - 29 * DAY_MS, 2);
    db.prepare("INSERT INTO cache_meta (key, value) VALUES ('collections_as_of', ?)").run(String(NOW - 40 * DAY_MS));
    db.prepare("INSERT INTO cache_collections (collection_id, alias, position) VALUES ('old-col', 'a', 0)").run();
    for (const at of [NOW - 400 * DAY_MS, NOW - 366 * DAY_MS, NOW - 364 * DAY_MS, NOW - DAY_MS]) {
      clock = at;
      audit.record({ action: 'photoAdded', targets: { collectionId: 'c' }, outcome: 'done' });
    }
    // A dry run's photos, staged 25 h and 23 h ago and never confirmed: the default period is 24 h.
    const staged = [];
    for (const [seed, hoursAgo] of [[54, 25], [55, 23]] as const) {
      clock = NOW - hoursAgo * 3_600_000;
      const p = await photo(seed);
      staged.push(await queue.staging.stage({ sessionId: `scan-${seed}`, owner: 'app', jpeg: p.jpeg, sha256: p.sha256, source: { size: 1, mtimeMs: 1, sourceSha256: p.sha256 } }));
    }
    const before = audit.entries().length;
    clock = NOW;

    const report = await runRetention({ queue, cache, audit, auditKey: async () => key, policy: () => ({ doneQueueDays: 7, cacheDays: 30, auditDays: 365, stagedPhotoDays: 1 }), now: () => NOW });

    expect(report).toEqual({ doneQueue: 1, cache: 3 + 3 + 1 + 1, audit: 2, stagedPhotos: 1 });
    expect(queue.staging.count()).toBe(1);
    const blobFiles = readdirSync(join(temp.dir, 'desk', BLOB_DIR));
    expect(blobFiles).not.toContain(`${staged[0]?.stagedId}.blob`);
    expect(blobFiles).toContain(`${staged[1]?.stagedId}.blob`);
    const items = queue.list({ limit: 10, offset: 0 }).map((i) => i.id);
    expect(items).not.toContain(oldItem);
    expect(items).toContain(recentItem);
    expect(items).toHaveLength(2);
    expect(count("SELECT COUNT(*) AS n FROM cache_persons WHERE collection_id = 'old-col'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM cache_persons WHERE collection_id = 'new-col'")).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM cache_person_photos')).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM cache_collections')).toBe(0);
    const kept = audit.entries();
    expect(kept.map((e) => e.action)).toEqual(['photoAdded', 'photoAdded', 'checkpoint', 'retentionPurged']);
    expect(kept.length).toBe(before - 2 + 2);
    expect(kept.at(-1)?.counts).toEqual({ doneQueue: 1, cache: 8, audit: 2, stagedPhotos: 1 });
    expect(await audit.verify(async () => key)).toEqual({ ok: true, entries: 4 });

    // A second run finds nothing more and records nothing.
    expect(await runRetention({ queue, cache, audit, auditKey: async () => key, policy: () => ({ doneQueueDays: 7, cacheDays: 30, auditDays: 365, stagedPhotoDays: 1 }), now: () => NOW })).toEqual({ doneQueue: 0, cache: 0, audit: 0, stagedPhotos: 0 });
    expect(audit.entries()).toHaveLength(4);
  });

  it('runs at start, then on its interval until stopped', async () => {
    let runs = 0;
    const schedule = scheduleRetention(async () => (runs += 1), () => undefined, 30);
    await schedule.first;
    expect(runs).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    schedule.stop();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 80));
    expect(runs).toBe(after);
  });
});
