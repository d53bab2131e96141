import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, uniqueFace, writeBadInputs, type CorpusEntry } from '../../../../test/fixtures/corpus.js';
import { drainingSink, type DrainingSink } from '../../../../test/helpers/draining-sink.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../../shared/domain/consent.js';
import { createPhotoProcessor } from '../../images/photo-processor.js';
import type { OzClient, Person } from '../../oz/index.js';
import { openDeskDb } from '../../storage/open-desk-db.js';
import { EnrollService } from './enroll-service.js';

const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };
const terms = { version: DEFAULT_CONSENT_TEXT_VERSION, text: 'The person agreed.' };

let sb: Sandbox;
let client: OzClient;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let collectionId: string;
let corpus: readonly (CorpusEntry & { readonly path: string })[];
const root = () => join(temp.dir, 'batch');

const sinks: DrainingSink[] = [];

async function service(db = openDeskDb(null)): Promise<EnrollService> {
  const sink = await drainingSink({ db, dataDir: join(temp.dir, `desk-${sinks.length}`), client: () => client });
  sinks.push(sink);
  return new EnrollService({
    db,
    sink,
    photos: createPhotoProcessor({ concurrency: 2 }),
    client: () => client,
    deskName: () => 'Branch 7 desk 2',
    operator: () => 'operator@demo.bank',
    scope: () => null,
    consentTerms: () => terms,
    now: () => new Date('2026-03-01T10:00:00Z'),
  });
}

async function writeFace(path: string, seed: number): Promise<void> {
  await writeFile(path, await (await uniqueFace(seed)).jpeg().toBuffer());
}

// Photos through the images route, which every profile serves (strict embeds none in a person).
async function persons(): Promise<Person[]> {
  const out: Person[] = [];
  for await (const p of client.iteratePersons(collectionId)) out.push({ ...p, images: await client.listPersonImages(collectionId, p.personId) });
  return out;
}

const nameOf = (p: Person) => (p.metaData?.['person_info'] as { first_name: string; last_name: string }).first_name;

beforeAll(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb)).client;
  collectionId = sb.demo?.collectionId ?? '';
  temp = await makeTempDir();
  await mkdir(join(root(), 'Anna Smith'), { recursive: true });
  await mkdir(join(root(), 'Boris Ivanov'), { recursive: true });
  await mkdir(join(root(), 'Carl Excluded'), { recursive: true });
  await writeFace(join(root(), 'Anna Smith', 'a1.jpg'), 1);
  await writeFace(join(root(), 'Anna Smith', 'a2.jpg'), 2);
  await writeFace(join(root(), 'Boris Ivanov', 'b1.jpg'), 3);
  await writeFace(join(root(), 'Carl Excluded', 'c1.jpg'), 4);
  // The whole corpus (40-odd awkward files and a dozen good ones) as one person's folder.
  corpus = await writeBadInputs(join(root(), 'Mixed Corpus'));
}, 120_000);

afterAll(async () => {
  for (const sink of sinks) await sink.close();
  await sb.close();
  await temp.cleanup();
});

describe('EnrollService folder import into the sandbox', () => {
  it('refuses each bad file with its own reason, enrolls the good ones of the same batch, strips EXIF/GPS', async () => {
    const svc = await service();
    const scan = await svc.scan({ path: root(), collectionId });
    const mixed = scan.report.persons.find((p) => p.key === 'Mixed Corpus');
    expect(mixed).toBeDefined();
    // 40-odd awkward inputs: most refused (each with its own reason), some fixed up and accepted.
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.filter((e) => e.expect !== 'accepted').map((e) => e.expect)).size).toBeGreaterThanOrEqual(9);
    for (const entry of corpus) {
      const photo = mixed?.photos.find((p) => p.fileName === entry.name);
      if (entry.expect === 'accepted') expect(photo?.status, entry.name).toBe('accepted');
      else expect(photo?.reason, `${entry.name} (${entry.why})`).toBe(entry.expect);
    }
    await expect(svc.enrollScan(scan, { consent: undefined })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Consent is required/) });

    const progress: number[] = [];
    const outcome = await svc.enrollScan(scan, { excluded: ['Carl Excluded'], consent }, { onProgress: (p) => progress.push(p.done) });
    expect(outcome.counts).toMatchObject({ enrolled: 3, failed: 0, skipped: 0 });
    expect(progress.at(-1)).toBe(3);

    const good = corpus.filter((e) => e.expect === 'accepted');
    const onServer = await persons();
    expect(onServer.map(nameOf).sort()).toEqual(['Anna', 'Boris', 'Mixed']);
    const mixedPerson = onServer.find((p) => nameOf(p) === 'Mixed');
    // More than 10 photos: created with 10, the rest added in a second request.
    expect(good.length).toBeGreaterThan(10);
    expect(mixedPerson?.images).toHaveLength(good.length);
    expect(mixedPerson?.metaData?.['enrollment']).toMatchObject({
      desk: 'Branch 7 desk 2',
      operator: 'operator@demo.bank',
      source: 'folder',
      source_key: 'Mixed Corpus',
      consent: { confirmed: true, text_version: DEFAULT_CONSENT_TEXT_VERSION, confirmed_at: '2026-03-01T10:00:00.000Z' },
    });
    const enrollmentId = (mixedPerson?.metaData?.['enrollment'] as { id: string }).id;
    expect(enrollmentId).toMatch(/^[0-9a-f-]{36}$/);

    for (const image of mixedPerson?.images ?? []) {
      expect(image.tags).toContain('photo_selfie');
      expect(image.tags.some((t) => t.startsWith('orientation_'))).toBe(true);
      const { bytes } = await client.fetchImageBytes(image.originalUrl ?? '');
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, image.originalName ?? '').toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      const text = Buffer.from(bytes).toString('latin1');
      expect(text.includes('Exif')).toBe(false);
      expect(text.includes('GPS')).toBe(false);
    }
  }, 180_000);

  it('reports what is already enrolled as duplicates, from the desk record and from the server', async () => {
    const db = openDeskDb(null);
    const again = await (await service(db)).scan({ path: root(), collectionId });
    const anna = again.report.persons.find((p) => p.key === 'Anna Smith');
    // A fresh desk database: only the server's listing knows these photos.
    expect(anna?.photos.map((p) => p.reason)).toEqual(['already_enrolled', 'already_enrolled']);
    expect(again.report.persons.find((p) => p.key === 'Carl Excluded')?.photos[0]?.status).toBe('accepted');
    const outcome = await (await service(db)).enrollScan(again, { excluded: ['Carl Excluded'], consent });
    expect(outcome.counts).toMatchObject({ enrolled: 0, skipped: 3 });
    expect(await persons()).toHaveLength(3);
  }, 120_000);

  it('resumes a person: a new photo in an enrolled person folder is added to that person', async () => {
    const svc = await service();
    await writeFace(join(root(), 'Boris Ivanov', 'b2.jpg'), 9);
    const scan = await svc.scan({ path: root(), collectionId });
    const boris = scan.report.persons.find((p) => p.key === 'Boris Ivanov');
    expect(boris?.photos.map((p) => p.status)).toEqual(['duplicate', 'accepted']);
    const outcome = await svc.enrollScan(scan, { excluded: ['Carl Excluded', 'Mixed Corpus', 'Anna Smith'], consent });
    expect(outcome.results[0]).toMatchObject({ status: 'enrolled', photos: [{ fileName: 'b2.jpg' }] });
    const all = await persons();
    expect(all).toHaveLength(3);
    expect(all.find((p) => nameOf(p) === 'Boris')?.images).toHaveLength(2);
  }, 120_000);
});

describe('EnrollService single person (webcam/form)', () => {
  it('processes a mirrored capture, enrolls it with consent, and refuses an outdated consent version', async () => {
    const svc = await service();
    const frame = await (await uniqueFace(20)).resize({ width: 640, height: 800, fit: 'cover' }).jpeg().toBuffer();
    const capture = await svc.processCapture(frame.toString('base64'), true);
    if (!capture.ok) throw new Error(capture.message);
    expect(capture.suggestedTags).toEqual(['photo_selfie', 'orientation_portrait']);
    expect(capture.thumbnail.startsWith('data:image/jpeg;base64,')).toBe(true);
    const plain = await svc.processCapture(frame.toString('base64'), false);
    expect(plain.ok && plain.sha256 !== capture.sha256).toBe(true);

    const request = { collectionId, name: { first: 'Wera', middle: '', last: 'Cam' }, source: 'webcam' as const, photos: [{ captureId: capture.captureId, tags: capture.suggestedTags }] };
    await expect(svc.enrollPerson({ ...request, consent: { confirmed: true, textVersion: '2020-01' } })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/consent text changed/) });
    const result = await svc.enrollPerson({ ...request, consent });
    expect(result).toMatchObject({ status: 'enrolled', photos: [{ sha256: capture.sha256, tags: ['photo_selfie', 'orientation_portrait'] }] });
    const person = await client.getPerson(collectionId, result.personId ?? '');
    expect(person.metaData?.['enrollment']).toMatchObject({ source: 'webcam', id: result.enrollmentId });
    expect(await svc.processCapture(Buffer.from('not a photo').toString('base64'), false)).toMatchObject({ ok: false, reason: 'not_an_image' });
  }, 60_000);
});
