import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncWorker } from '../../src/core/queue/index.js';
import { enrollmentIdOf, uploadName } from '../../src/core/queue/reconcile.js';
import { personMeta, photos } from '../../src/core/queue/testing/queue-test-kit.js';
import { startSandboxQueueEnv, type SandboxQueueEnv } from '../../src/core/queue/testing/sandbox-env.js';

const FAULTS = '5xx=0.2,reset=0.1,latency=0-500,expire=20s,429=0.05:2';
const ENROLLMENTS = 300;

describe('fault suite: 300 enrollments through a failing network', () => {
  let env: SandboxQueueEnv;
  beforeAll(async () => {
    env = await startSandboxQueueEnv({ faults: FAULTS });
  });
  afterAll(async () => {
    await env.close();
  });

  it('lands every enrollment exactly once with all its photos', { timeout: 300_000 }, async () => {
    const expected = new Map<string, Set<string>>();
    for (let i = 0; i < ENROLLMENTS; i += 1) {
      const ph = await photos(1 + (i % 3), `p${i}`);
      const { enrollmentId } = await env.queue.enqueueCreatePerson(
        { collectionId: env.demo.collectionId, metaData: personMeta(`Person${i}`, `Fault${i}`) },
        ph,
      );
      expected.set(enrollmentId as string, new Set(ph.map((p) => uploadName(p.sha256))));
    }
    // The fault spec stays as written; only the worker's back-off is shortened so the suite's
    // duration is not set by the unluckiest item's 2-minute wait (back-off math: backoff.test.ts).
    const worker = createSyncWorker({
      scope: () => null,
      queue: env.queue,
      getClient: () => env.client,
      concurrency: 4,
      probeIntervalMs: 500,
      // The sandbox applies a request in milliseconds: a second of grace, not the default 15 s.
      reconcileGraceMs: 1000,
      backoff: { baseMs: 250, capMs: 4000 },
    });
    const report = await worker.syncNow({ stopWhenOffline: false });
    await worker.stop();
    expect(report).toMatchObject({ stoppedBy: 'drained', sent: ENROLLMENTS, quarantined: 0, remaining: 0 });

    env.sandbox.setFaults(null);
    const byEnrollment = new Map<string, string[]>();
    for await (const p of env.client.iteratePersons(env.demo.collectionId, { pageSize: 100 })) {
      const id = enrollmentIdOf(p.metaData);
      if (id !== null) byEnrollment.set(id, [...(byEnrollment.get(id) ?? []), p.personId]);
    }
    expect(byEnrollment.size).toBe(ENROLLMENTS);
    const duplicates = [...byEnrollment].filter(([, ids]) => ids.length !== 1);
    expect(duplicates).toEqual([]);
    for (const [enrollmentId, names] of expected) {
      const personId = byEnrollment.get(enrollmentId)?.[0];
      expect(personId, enrollmentId).toBeDefined();
      const images = await env.client.listPersonImages(env.demo.collectionId, personId as string);
      expect(new Set(images.map((i) => i.originalName))).toEqual(names);
    }
  });
});
