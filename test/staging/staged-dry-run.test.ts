import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/core/app/create-app.js';
import { createPhotoProcessor } from '../../src/core/images/photo-processor.js';
import { BLOB_DIR, type EnrollmentQueue } from '../../src/core/queue/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { QueuedEnrollmentSink, ScanSessions } from '../../src/core/services/enroll/index.js';
import type { ScanResult } from '../../src/shared/domain/enroll.js';
import { scanDataFolder } from '../audit/scan-data-folder.js';
import { makeTempDir, uniqueFace } from '../fixtures/corpus.js';
import { consent, stagingDesk, writePersons, type StagingDesk } from './staging-kit.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const NAMES = ['Anna Smith', 'Boris Ivanov', 'Many Photos'];

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const desks: StagingDesk[] = [];
const desk = async (name: string, opts: Parameters<typeof stagingDesk>[1] = {}): Promise<StagingDesk> => {
  const d = await stagingDesk(join(temp.dir, name), opts);
  desks.push(d);
  return d;
};
const root = (): string => join(temp.dir, 'batch');

beforeEach(async () => {
  temp = await makeTempDir('enroll-desk-staging-');
  await writePersons(root(), { 'Anna Smith': [1, 2], 'Boris Ivanov': [3], 'Many Photos': [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] });
});

afterEach(async () => {
  for (const d of desks.splice(0)) d.close();
  await temp.cleanup();
});

/** Everything the queue holds, decrypted, with the random enrollment ids left out; each blob checked against its hash. */
function contents(queue: EnrollmentQueue): unknown[] {
  const { store, cipher, blobs } = queue.engine;
  return queue.list({ limit: 100, offset: 0 }).map((view) => {
    const item = store.load(view.id);
    if (item === null) throw new Error('unreadable item');
    const secret = cipher.openJson(item.row.secret_enc) as { metaData: Record<string, unknown> | null; fileNames: string[] };
    const enrollment = secret.metaData?.['enrollment'] as Record<string, unknown> | undefined;
    for (const p of item.photos) expect(sha(blobs.read(p.blob_id ?? ''))).toBe(p.sha256);
    return {
      kind: item.row.kind,
      state: item.row.state,
      collectionId: item.row.collection_id,
      dependsOnAnEnrollment: item.row.depends_on_enrollment_id !== null,
      photos: item.photos.map((p) => ({ sha256: p.sha256, tags: p.tags })),
      fileNames: secret.fileNames,
      metaData: secret.metaData === null ? null : { ...secret.metaData, enrollment: { ...enrollment, id: 'x' } },
    };
  });
}

describe('the dry run stages its photos; confirm queues them in one transaction', () => {
  it('stages every accepted photo encrypted, and confirm queues exactly what the per-person path queued', async () => {
    const d = await desk('desk');
    const scan = await d.service.scan({ path: root(), collectionId: 'col-1' });
    expect(scan.report.counts.photosAccepted).toBe(15);
    expect(d.queue.staging.count()).toBe(15);
    expect(d.blobIds()).toEqual([...scan.staged.values()].map((s) => s.stagedId).sort());
    // Encrypted at rest: no JPEG signature and no name anywhere in the data folder.
    expect(scanDataFolder(d.dataDir, NAMES)).toEqual([]);

    const outcome = await d.service.enrollScan(scan, { consent });
    expect(outcome.counts).toMatchObject({ queued: 3, failed: 0, skipped: 0, photos: 15 });
    expect(d.queue.staging.count()).toBe(0);
    // The blobs moved to the items: no file written, none lost.
    expect(d.blobIds()).toEqual([...scan.staged.values()].map((s) => s.stagedId).sort());

    // The per-person path over the same report: every photo processed again, one enqueue per person.
    const old = await desk('old-desk');
    const photos = createPhotoProcessor({ concurrency: 2 });
    const sink = new QueuedEnrollmentSink(old.queue);
    type Meta = { readonly enrollment: Record<string, unknown> };
    const metas = contents(d.queue).map((c) => (c as { metaData: Meta | null }).metaData).filter((m): m is Meta => m !== null);
    const metaOf = new Map(metas.map((m) => [m.enrollment['source_key'], m]));
    for (const person of scan.report.persons) {
      const processed = [];
      for (const p of person.photos) {
        const r = await photos.process({ path: p.path }, undefined, p.crop ? { crop: p.crop } : {});
        if (!r.ok) throw new Error(r.message);
        processed.push({ jpeg: r.jpeg, sha256: r.sha256, tags: p.tags });
      }
      const enrollmentId = randomUUID();
      const meta = metaOf.get(person.key);
      const metaData = { ...meta, enrollment: { ...meta?.enrollment, id: enrollmentId } };
      await sink.submit({ enrollmentId, collectionId: 'col-1', metaData, photos: processed });
    }
    const staged = contents(d.queue);
    expect(staged).toHaveLength(4);
    expect(staged.map((c) => (c as { kind: string }).kind)).toEqual(['createPerson', 'createPerson', 'createPerson', 'addPhotos']);
    expect(staged).toEqual(contents(old.queue));

    // A second confirm of the same dry run queues nothing twice.
    const again = await d.service.enrollScan(scan, { consent });
    expect(again.counts).toMatchObject({ queued: 0, failed: 3 });
    expect(again.results[0]?.message).toMatch(/dry run's copy of this photo is gone/);
    expect(d.queue.list({ limit: 100, offset: 0 })).toHaveLength(4);
  });

  it('a file changed since the dry run is refused alone; the rest of the person and the batch are queued', async () => {
    const d = await desk('desk');
    const scan = await d.service.scan({ path: root(), collectionId: 'col-1' });
    // Anna's first photo replaced by another face (another size).
    await writeFile(join(root(), 'Anna Smith', 'p1.jpg'), await (await uniqueFace(99)).jpeg().toBuffer());
    // Boris's only photo edited in place: same size, new mtime, one byte different (the hash decides).
    const boris = join(root(), 'Boris Ivanov', 'p3.jpg');
    const bytes = readFileSync(boris);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(boris, bytes);
    utimesSync(boris, new Date(), new Date(Date.now() + 5_000));
    // Many's first photo only touched: same bytes, new mtime, so still the photo the dry run kept.
    const touched = join(root(), 'Many Photos', 'p10.jpg');
    utimesSync(touched, new Date(), new Date(Date.now() + 5_000));

    const outcome = await d.service.enrollScan(scan, { consent });
    const byKey = new Map(outcome.results.map((r) => [r.key, r]));
    expect(byKey.get('Anna Smith')).toMatchObject({ status: 'queued', message: 'p1.jpg: the file changed since the dry run; scan again.' });
    expect(byKey.get('Anna Smith')?.photos.map((p) => p.fileName)).toEqual(['p2.jpg']);
    expect(byKey.get('Boris Ivanov')).toMatchObject({ status: 'failed', message: 'p3.jpg: the file changed since the dry run; scan again.' });
    expect(byKey.get('Many Photos')).toMatchObject({ status: 'queued', message: null });
    expect(byKey.get('Many Photos')?.photos).toHaveLength(12);
  });

  it('the orphan sweep keeps staged photos younger and older than 10 minutes, and removes an unreferenced old file', async () => {
    const secretStore = new InMemorySecretStore();
    const d = await desk('desk', { secretStore });
    const scan = await d.service.scan({ path: root(), collectionId: 'col-1' });
    const ids = [...scan.staged.values()].map((s) => s.stagedId).sort();
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const [old, ...young] = ids;
    utimesSync(join(d.dataDir, BLOB_DIR, `${old}.blob`), anHourAgo, anHourAgo);
    const orphan = randomBytes(16).toString('hex');
    writeFileSync(join(d.dataDir, BLOB_DIR, `${orphan}.blob`), randomBytes(64));
    utimesSync(join(d.dataDir, BLOB_DIR, `${orphan}.blob`), anHourAgo, anHourAgo);
    d.close();
    desks.pop();
    const reopened = await desk('desk', { secretStore });
    expect(young.length).toBeGreaterThan(0);
    expect(reopened.blobIds()).toEqual(ids);
    expect(reopened.queue.staging.count()).toBe(ids.length);
  });
});

describe('staged photos never confirmed are purged', () => {
  /** Scan sessions over the desk's service; `finished()` resolves with the next dry run that ends. */
  function sessions(d: StagingDesk): { scans: ScanSessions; finished: () => Promise<ScanResult>; onProcessing: (fn: () => void) => void } {
    const waiters: ((r: ScanResult) => void)[] = [];
    let onProcessing = (): void => undefined;
    const scans = new ScanSessions(d.service, {
      progress: (p) => {
        if (p.phase === 'processing') onProcessing();
      },
      finished: (r) => waiters.shift()?.(r),
      personResult: () => undefined,
    });
    return { scans, finished: () => new Promise((resolve) => waiters.push(resolve)), onProcessing: (fn) => (onProcessing = fn) };
  }

  it('when the dry run is cancelled, and when a new dry run replaces it', async () => {
    const d = await desk('desk');
    const { scans, finished, onProcessing } = sessions(d);
    const first = scans.start({ path: root(), collectionId: 'col-1' });
    onProcessing(() => scans.cancel(first.scanId));
    expect((await finished()).report?.cancelled).toBe(true);
    expect(d.queue.staging.count()).toBe(0);
    expect(d.blobIds()).toEqual([]);

    onProcessing(() => undefined);
    const second = scans.start({ path: root(), collectionId: 'col-1' });
    await finished();
    expect(d.queue.staging.count()).toBe(15);
    const third = scans.start({ path: root(), collectionId: 'col-1' });
    // The second dry run is gone, its photos with it; the third keeps its own.
    expect(() => scans.result(second.scanId)).toThrow(/no longer held/);
    await finished();
    expect(d.queue.staging.count()).toBe(15);
    expect(d.db.prepare('SELECT DISTINCT session_id AS s FROM staged_photos').all()).toEqual([{ s: third.scanId }]);
    expect(d.blobIds()).toHaveLength(15);
    scans.dispose();
    expect(d.queue.staging.count()).toBe(0);
  });

  it("at app start (the app's own rows; a CLI run's stay for it to purge)", async () => {
    const secretStore = new InMemorySecretStore();
    const app = await desk('desk', { secretStore });
    const cli = await stagingDesk(app.dataDir, { secretStore, owner: 'cli' });
    await app.service.scan({ path: root(), collectionId: 'col-1' });
    const cliScan = await cli.service.scan({ path: root(), collectionId: 'col-1' });
    cli.close();
    const staged = (): unknown[] => app.db.prepare('SELECT owner, COUNT(*) AS n FROM staged_photos GROUP BY owner ORDER BY owner').all();
    expect(staged()).toEqual([{ owner: 'app', n: 15 }, { owner: 'cli', n: 15 }]);
    app.close();
    desks.pop();
    const started = await createApp({ dataDir: app.dataDir, host: 'browser', secretStore, emit: () => undefined, version: 'test', platform: 'linux', localSandbox: null, restoreSession: false });
    try {
      const rows = started.context.db.prepare('SELECT owner, blob_id FROM staged_photos').all() as { owner: string; blob_id: string }[];
      expect(rows.map((r) => r.owner)).toEqual(Array.from({ length: 15 }, () => 'cli'));
      expect(rows.map((r) => r.blob_id).sort()).toEqual([...cliScan.staged.values()].map((s) => s.stagedId).sort());
    } finally {
      await started.dispose();
    }
  });
});
