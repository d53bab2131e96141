import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDeskDb } from '../../src/core/storage/open-desk-db.js';
import { AppFailure } from '../../src/core/errors/app-failure.js';
import { createPhotoProcessor } from '../../src/core/images/photo-processor.js';
import { BLOB_DIR, openQueue, type EnrollmentQueue } from '../../src/core/queue/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { EnrollService, QueuedEnrollmentSink } from '../../src/core/services/enroll/index.js';
import type { StagingOwner } from '../../src/core/queue/index.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import { uniqueFace } from '../fixtures/corpus.js';
import { readdirSync } from 'node:fs';
import type Database from 'better-sqlite3';

export const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };

export interface StagingDesk {
  readonly dataDir: string;
  readonly db: Database.Database;
  readonly queue: EnrollmentQueue;
  readonly service: EnrollService;
  /** The blob files in the data folder, by id. */
  blobIds(): string[];
  close(): void;
}

/**
 * A desk with no server (nothing is sent): the queue, its blob store and the enroll
 * service, as the app composes them, in `dataDir`.
 */
export async function stagingDesk(dataDir: string, opts: { readonly owner?: StagingOwner; readonly secretStore?: InMemorySecretStore } = {}): Promise<StagingDesk> {
  const db = openDeskDb(dataDir);
  const queue = await openQueue({ dataDir, secretStore: opts.secretStore ?? new InMemorySecretStore(), db });
  const service = new EnrollService({
    db,
    sink: new QueuedEnrollmentSink(queue),
    photos: createPhotoProcessor({ concurrency: 2 }),
    client: () => {
      throw new AppFailure('NOT_SIGNED_IN', 'Offline test desk.');
    },
    readRetryBudgetMs: 0,
    deskName: () => 'Branch 3 desk 1',
    operator: () => 'operator@demo.bank',
    scope: () => null,
    consentTerms: () => ({ version: DEFAULT_CONSENT_TEXT_VERSION, text: 'The person agreed.' }),
    now: () => new Date('2026-03-01T10:00:00Z'),
    ...(opts.owner ? { stagingOwner: opts.owner } : {}),
  });
  return {
    dataDir,
    db,
    queue,
    service,
    blobIds: () => readdirSync(join(dataDir, BLOB_DIR)).map((n) => n.replace(/\.blob$/, '')).sort(),
    close() {
      queue.close();
      db.close();
    },
  };
}

/** Writes one folder per person, each photo a distinct real face (seeded). */
export async function writePersons(root: string, persons: Readonly<Record<string, number[]>>): Promise<void> {
  for (const [name, seeds] of Object.entries(persons)) {
    await mkdir(join(root, name), { recursive: true });
    for (const seed of seeds) await writeFile(join(root, name, `p${seed}.jpg`), await (await uniqueFace(seed)).jpeg().toBuffer());
  }
}
