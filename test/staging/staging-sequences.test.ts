import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_DIR, openQueue, type EnrollmentQueue, type StagingOwner } from '../../src/core/queue/index.js';
import { distinctJpeg, sha256Of } from '../../src/core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { DAY_MS } from '../../src/core/retention/index.js';
import { openDeskDb } from '../../src/core/storage/open-desk-db.js';
import { makeTempDir } from '../fixtures/corpus.js';

const HOUR = 3_600_000;
const POOL = 5;

type Step =
  | { readonly kind: 'scan'; readonly owner: StagingOwner; readonly photos: number }
  | { readonly kind: 'rescan'; readonly photos: number }
  | { readonly kind: 'cancel'; readonly pick: number }
  | { readonly kind: 'confirm'; readonly pick: number; readonly take: number }
  | { readonly kind: 'restart' }
  | { readonly kind: 'tick'; readonly hours: number }
  | { readonly kind: 'reset' };

const steps: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scan' as const), owner: fc.constantFrom<StagingOwner>('app', 'cli'), photos: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('rescan' as const), photos: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat(), take: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: 'restart' as const }),
  fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  fc.constant({ kind: 'reset' as const }),
);

interface StagedModel {
  readonly session: string;
  readonly owner: StagingOwner;
  readonly at: number;
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let pool: { jpeg: Buffer; sha256: string }[];

beforeAll(async () => {
  temp = await makeTempDir('enroll-desk-staging-seq-');
  pool = [];
  for (let i = 0; i < POOL; i += 1) {
    const jpeg = await distinctJpeg(48);
    pool.push({ jpeg, sha256: sha256Of(jpeg) });
  }
});
afterAll(async () => temp.cleanup());

/**
 * Scans (app and CLI), re-scans (the app's new dry run replaces its last), cancels,
 * confirms (also of photos an earlier confirm took), restarts, retention ticks and resets
 * in any order: the staged rows are exactly the model's, every blob file belongs to a
 * staged row or a queued photo and every such row has its file, and no staged photo is
 * ever queued twice.
 */
describe('staging sequences', () => {
  it('keep staged rows, queued photos and blob files in step; nothing is queued twice', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(steps, { minLength: 1, maxLength: 14 }), async (sequence) => {
        const dataDir = join(temp.dir, `run-${(run += 1)}`);
        const secretStore = new InMemorySecretStore();
        let clock = Date.UTC(2026, 5, 1);
        const db = openDeskDb(dataDir);
        const open = (): Promise<EnrollmentQueue> => openQueue({ dataDir, secretStore, db, now: () => clock });
        let queue = await open();
        const staged = new Map<string, StagedModel>();
        /** Queued photo blob → its hash. */
        const queued = new Map<string, string>();
        const sessions: string[] = [];
        let appSession: string | null = null;
        const stage = async (owner: StagingOwner, photos: number): Promise<string> => {
          const session = `s${sessions.length}`;
          sessions.push(session);
          for (let i = 0; i < photos; i += 1) {
            const p = pool[(sessions.length + i) % POOL] ?? { jpeg: Buffer.alloc(0), sha256: '' };
            const { stagedId } = await queue.staging.stage({ sessionId: session, owner, jpeg: p.jpeg, sha256: p.sha256, source: { size: 1, mtimeMs: 1, sourceSha256: p.sha256 } });
            staged.set(stagedId, { session, owner, at: clock });
          }
          return session;
        };
        const dropWhere = (keep: (m: StagedModel) => boolean): void => {
          for (const [id, m] of staged) if (!keep(m)) staged.delete(id);
        };
        try {
          for (const step of sequence) {
            switch (step.kind) {
              case 'scan':
                await stage(step.owner, step.photos);
                break;
              case 'rescan':
                if (appSession !== null) queue.staging.discardSession(appSession);
                dropWhere((m) => m.session !== appSession);
                appSession = await stage('app', step.photos);
                break;
              case 'cancel': {
                const session = sessions[step.pick % Math.max(1, sessions.length)] ?? 'none';
                queue.staging.discardSession(session);
                dropWhere((m) => m.session !== session);
                break;
              }
              case 'confirm': {
                const session = sessions[step.pick % Math.max(1, sessions.length)] ?? 'none';
                const rows = db.prepare('SELECT blob_id AS id, sha256 FROM staged_photos WHERE session_id = ? ORDER BY blob_id').all(session) as { id: string; sha256: string }[];
                // Also photos an earlier confirm already took: they must come back missing.
                const taken = [...queued].slice(0, 1).map(([id, sha256]) => ({ id, sha256 }));
                const chosen = [...rows.slice(0, step.take), ...taken];
                const results = await queue.enqueueStaged(
                  chosen.map((r) => ({ collectionId: 'c1', enrollmentId: randomUUID(), metaData: {}, photos: [{ stagedId: r.id, sha256: r.sha256, tags: ['photo_selfie'], fileName: 'x.jpg' }] })),
                );
                results.forEach((r, i) => {
                  const { id = '', sha256 = '' } = chosen[i] ?? {};
                  const wasStaged = staged.has(id) && rows.some((row) => row.id === id);
                  expect(r.created).toBe(wasStaged);
                  expect(r.missing).toEqual(wasStaged ? [] : [sha256]);
                  if (wasStaged) {
                    staged.delete(id);
                    queued.set(id, sha256);
                  }
                });
                break;
              }
              case 'restart':
                queue.close();
                queue = await open();
                queue.staging.purgeOwner('app');
                dropWhere((m) => m.owner !== 'app');
                appSession = null;
                break;
              case 'tick':
                clock += step.hours * HOUR;
                queue.staging.purgeOlderThan(clock - DAY_MS);
                dropWhere((m) => m.at >= clock - DAY_MS);
                break;
              case 'reset':
                queue.reset();
                staged.clear();
                queued.clear();
                appSession = null;
                break;
            }
            const rows = (db.prepare('SELECT blob_id AS id FROM staged_photos').all() as { id: string }[]).map((r) => r.id).sort();
            expect(rows).toEqual([...staged.keys()].sort());
            // Readable with the key the keychain holds (a reset makes a new one).
            for (const id of rows) expect(queue.staging.read(id).length).toBeGreaterThan(0);
            const inQueue = (db.prepare('SELECT blob_id AS id FROM queue_photos WHERE blob_id IS NOT NULL').all() as { id: string }[]).map((r) => r.id);
            expect(new Set(inQueue).size).toBe(inQueue.length);
            expect(inQueue.sort()).toEqual([...queued.keys()].sort());
            const files = readdirSync(join(dataDir, BLOB_DIR)).map((n) => n.replace(/\.blob$/, '')).sort();
            expect(files).toEqual([...rows, ...inQueue].sort());
          }
        } finally {
          queue.close();
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
