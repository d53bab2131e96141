import type Database from 'better-sqlite3';
import { openQueue, type EnrollmentQueue } from '../../src/core/queue/index.js';
import type { OzClient } from '../../src/core/oz/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { createDeskSyncWorker, QueuedEnrollmentSink, type Enrollment, type EnrollmentSink, type SubmitResult } from '../../src/core/services/enroll/index.js';
import type { StagedEnrollment, StagedSubmitResult } from '../../src/core/services/enroll/enrollment-sink.js';

export interface DrainingSink extends EnrollmentSink {
  readonly queue: EnrollmentQueue;
  close(): Promise<void>;
}

/**
 * The product's one write path, answering once the server holds the enrollment: the
 * desk's queue, drained by the desk's sync worker (which records the enrolled photos in
 * `db`). A quarantined item throws its reason, as the server's refusal.
 */
export async function drainingSink(opts: { readonly db: Database.Database; readonly dataDir: string; readonly client: () => OzClient }): Promise<DrainingSink> {
  const queue = await openQueue({ dataDir: opts.dataDir, secretStore: new InMemorySecretStore(), db: opts.db });
  const worker = createDeskSyncWorker({ scope: () => null, queue, db: opts.db, getClient: opts.client });
  const queued = new QueuedEnrollmentSink(queue);
  /** Each queued item's answer from the server: enrolled, or the refusal as an error. */
  const settled = (itemIds: readonly string[]): SubmitResult => {
    const items = queue.list({ limit: 1000, offset: 0 }).filter((i) => itemIds.includes(i.id));
    const refused = items.find((i) => i.state !== 'done');
    if (refused !== undefined) throw new Error(refused.quarantineReason ?? refused.lastError ?? `queue item ${refused.state}`);
    return { status: 'enrolled', personId: items[0]?.personId ?? '' };
  };
  return {
    queue,
    staging: queue.staging,
    async submitStaged(batch: readonly StagedEnrollment[]): Promise<readonly StagedSubmitResult[]> {
      const results = await queued.submitStaged(batch);
      await worker.syncNow();
      return results.map((r) => {
        if (r.submitted?.status !== 'queued') return r;
        try {
          return { ...r, submitted: settled(r.submitted.itemIds) };
        } catch (error) {
          return { submitted: null, missing: r.missing, error };
        }
      });
    },
    async submit(enrollment: Enrollment): Promise<SubmitResult> {
      const result = await queued.submit(enrollment);
      if (result.status !== 'queued') return result;
      await worker.syncNow();
      return settled(result.itemIds);
    },
    async close() {
      await worker.stop();
      queue.close();
    },
  };
}
