import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, uniqueWideFace } from '../../../test/fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../test/helpers/sandbox.js';
import type { AuditRecorder } from '../../core/audit/index.js';
import { createPhotoProcessor, type PhotoProcessor } from '../../core/images/photo-processor.js';
import type { OzClient } from '../../core/oz/index.js';
import { openQueue } from '../../core/queue/index.js';
import { InMemorySecretStore } from '../../core/secrets/in-memory-secret-store.js';
import { createDeskSyncWorker, EnrollService, QueuedEnrollmentSink, type ImportSelection } from '../../core/services/enroll/index.js';
import { openDeskDb } from '../../core/storage/open-desk-db.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../shared/domain/consent.js';
import { deskScopeOf } from '../../shared/domain/desk-scope.js';
import { streamed, twoPhase, type ImportRun } from './import-stream.js';

const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };
const audit: AuditRecorder = { record: (input) => ({ ...input, id: 0, at: 0 }) as unknown as ReturnType<AuditRecorder['record']> };
const selection = (): ImportSelection => ({ consent, allowDuplicates: false, qualityOverrides: {}, duplicateChoices: {} });
const PERSONS = ['Anna Smith', 'Boris Ivanov', 'Clara Copy', 'Dmitri Last'];

let sb: Sandbox;
let client: OzClient;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let folder: string;

beforeAll(async () => {
  sb = await startDemoSandbox();
  ({ client } = await signedInClient(sb));
  temp = await makeTempDir('enroll-desk-stream-');
  folder = join(temp.dir, 'batch');
  for (const [i, name] of PERSONS.entries()) {
    await mkdir(join(folder, name), { recursive: true });
    await writeFile(join(folder, name, 'p.jpg'), await (await uniqueWideFace(40 + i)).jpeg().toBuffer());
  }
  // Clara's photo is Anna's: "same photo as" must point at the earlier file, as in the two-phase path.
  await copyFile(join(folder, PERSONS[0] as string, 'p.jpg'), join(folder, 'Clara Copy', 'p.jpg'));
  await writeFile(join(folder, 'Boris Ivanov', 'broken.jpg'), 'not a photo');
});

afterAll(async () => {
  await temp?.cleanup();
  await sb?.close();
});

async function collection(alias: string): Promise<string> {
  const demo = sb.demo as NonNullable<Sandbox['demo']>;
  return (await client.createCollection({ alias, companyId: demo.companyId })).collectionId;
}

async function namesOn(collectionId: string): Promise<string[]> {
  const names: string[] = [];
  for await (const p of client.iteratePersons(collectionId)) names.push(String((p.metaData?.['person_info'] as { first_name?: string } | undefined)?.first_name));
  return names.sort();
}

/** Holds the last photo of the folder until `open()` says so (or 30 s pass), recording whether it had to give up. */
function gatedProcessor(lastPath: string, open: () => Promise<boolean>): { processor: PhotoProcessor; waited: () => boolean | null } {
  const real = createPhotoProcessor({ concurrency: 2 });
  let opened: boolean | null = null;
  const hold = async (input: Parameters<PhotoProcessor['process']>[0]): Promise<void> => {
    if (!('path' in input) || input.path !== lastPath) return;
    const end = Date.now() + 30_000;
    while (!(opened = await open()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  };
  const processor: PhotoProcessor = {
    async process(input, signal, steps) {
      await hold(input);
      return real.process(input, signal, steps);
    },
    async prepare(input, signal, steps) {
      await hold(input);
      return real.prepare(input, signal, steps);
    },
    get concurrency() {
      return real.concurrency;
    },
    get active() {
      return real.active;
    },
    get queued() {
      return real.queued;
    },
  };
  return { processor, waited: () => opened };
}

async function importWith(mode: 'streamed' | 'two-phase', collectionId: string, photos: PhotoProcessor): Promise<ImportRun> {
  const dataDir = join(temp.dir, `desk-${mode}`);
  const scope = deskScopeOf(sb.url, (sb.demo as NonNullable<Sandbox['demo']>).email);
  const db = openDeskDb(dataDir);
  const queue = await openQueue({ dataDir, secretStore: new InMemorySecretStore(), db, scope: () => scope });
  const service = new EnrollService({
    db,
    photos,
    client: () => client,
    sink: new QueuedEnrollmentSink(queue),
    stagingOwner: 'cli',
    readRetryBudgetMs: 0,
    deskName: () => 'Branch 3 desk 1',
    operator: () => 'operator@demo.bank',
    scope: () => scope,
    consentTerms: () => ({ version: DEFAULT_CONSENT_TEXT_VERSION, text: 'The person agreed.' }),
  });
  const worker = createDeskSyncWorker({ queue, db, getClient: () => client, scope: () => scope, concurrency: 2 });
  const deps = { service, audit, consent, selection };
  const input = { path: folder, collectionId, stage: true };
  try {
    const run = mode === 'streamed' ? await streamed(deps, worker, (onPerson) => service.scan(input, { onPerson })) : await twoPhase(deps, await service.scan(input), () => undefined);
    await worker.syncNow();
    return run;
  } finally {
    await worker.stop();
    queue.close();
    db.close();
  }
}

describe('the CLI import without --dry-run', () => {
  it('uploads the first person while the last photo is still being processed, with the same result as the two phases', async () => {
    const streamedInto = await collection('stream-overlap');
    const twoPhaseInto = await collection('stream-two-phase');
    const last = join(folder, 'Dmitri Last', 'p.jpg');
    const gate = gatedProcessor(last, async () => (await namesOn(streamedInto)).length > 0);
    const stream = await importWith('streamed', streamedInto, gate.processor);
    expect(gate.waited()).toBe(true);
    expect(stream.sentDuringScan).toBeGreaterThan(0);

    const phases = await importWith('two-phase', twoPhaseInto, createPhotoProcessor({ concurrency: 2 }));
    const statuses = (run: ImportRun) => run.enqueued?.results.map((r) => [r.key, r.status, r.photos.length]);
    expect(statuses(stream)).toEqual(statuses(phases));
    expect(stream.scan.report.persons).toEqual(phases.scan.report.persons);
    expect(stream.scan.report.persons.find((p) => p.key === 'Clara Copy')?.photos[0]).toMatchObject({ reason: 'duplicate_in_batch', duplicateOf: join(folder, 'Anna Smith', 'p.jpg') });
    expect(await namesOn(streamedInto)).toEqual(['Anna', 'Boris', 'Dmitri']);
    expect(await namesOn(twoPhaseInto)).toEqual(await namesOn(streamedInto));
  });

  it('in two phases nothing is queued before the whole folder was read', async () => {
    const into = await collection('two-phase-only');
    const last = join(folder, 'Dmitri Last', 'p.jpg');
    let seenBeforeLast: number | null = null;
    const gate = gatedProcessor(last, async () => {
      seenBeforeLast ??= (await namesOn(into)).length;
      return true;
    });
    await importWith('two-phase', into, gate.processor);
    expect(seenBeforeLast).toBe(0);
  });
});
