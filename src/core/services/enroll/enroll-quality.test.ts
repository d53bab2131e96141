import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, uniqueWideFace } from '../../../../test/fixtures/corpus.js';
import { drainingSink, type DrainingSink } from '../../../../test/helpers/draining-sink.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../../shared/domain/consent.js';
import { openAuditLog, recordQualityOverride, type AuditLog } from '../../audit/index.js';
import { createPhotoProcessor } from '../../images/photo-processor.js';
import type { OzClient, Person } from '../../oz/index.js';
import { createFaceDetector, type FaceDetector } from '../../quality/index.js';
import { sampleJpeg } from '../../../../test/fixtures/quality-fixtures.js';
import { openDeskDb } from '../../storage/open-desk-db.js';
import { EnrollService, type ScanOutcome } from './enroll-service.js';

// The quality gate end to end in core: the real detector, the real pipeline, the sandbox over HTTP.
const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };
let sb: Sandbox;
let client: OzClient;
let detector: FaceDetector;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let audit: AuditLog;
let svc: EnrollService;
let scan: ScanOutcome;
let sink: DrainingSink;
const collectionId = () => sb.demo?.collectionId ?? '';

// Photos through the images route, which every profile serves (strict embeds none in a person).
async function persons(): Promise<Person[]> {
  const out: Person[] = [];
  for await (const p of client.iteratePersons(collectionId())) out.push({ ...p, images: await client.listPersonImages(collectionId(), p.personId) });
  return out;
}
const enrollmentOf = (p: Person | undefined) => p?.metaData?.['enrollment'] as Record<string, unknown> | undefined;
const photoOf = (fileName: string) => scan.report.persons.flatMap((p) => p.photos).find((p) => p.fileName === fileName);
const pathOf = (fileName: string): string => photoOf(fileName)?.path ?? '';

beforeAll(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb)).client;
  detector = createFaceDetector();
  temp = await makeTempDir('enroll-desk-enroll-quality-');
  const db = openDeskDb(null);
  audit = openAuditLog(db, { desk: () => 'Branch 7', operator: () => 'operator@demo.bank' });
  sink = await drainingSink({ db, dataDir: await mkdtemp(join(tmpdir(), 'enroll-desk-quality-desk-')), client: () => client });
  svc = new EnrollService({
    db,
    sink,
    photos: createPhotoProcessor(),
    client: () => client,
    deskName: () => 'Branch 7',
    operator: () => 'operator@demo.bank',
    scope: () => null,
    consentTerms: () => ({ version: DEFAULT_CONSENT_TEXT_VERSION, text: 'Agreed.' }),
    detector,
    onQualityOverride: (targets, override) => recordQualityOverride(audit, targets, override),
  });
  const good = await (await uniqueWideFace(1)).jpeg().toBuffer();
  const files: Record<string, Buffer> = {
    'Anna Good/front.jpg': good,
    'Dora Dark/dark.jpg': await sharp(await (await uniqueWideFace(2)).jpeg().toBuffer()).linear(0.25, 0).jpeg().toBuffer(),
    'Eva Blurred/blurred.jpg': await sharp(await (await uniqueWideFace(3)).jpeg().toBuffer()).blur(6).jpeg().toBuffer(),
    'Gus Group/team.jpg': await sampleJpeg(6),
  };
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(join(temp.dir, rel, '..'), { recursive: true });
    await writeFile(join(temp.dir, rel), data);
  }
  scan = await svc.scan({ path: temp.dir, collectionId: collectionId() });
}, 120_000);

afterAll(async () => {
  await sink.close();
  await detector.close();
  await sb.close();
  await temp.cleanup();
});

describe('enrolling flagged photos', () => {
  it('enrolls good photos, holds back flagged ones unless accepted with a note, and crops a group photo to its largest face', async () => {
    expect(scan.report.counts).toMatchObject({ persons: 4, photosAccepted: 4, flagged: 3 });
    const note = 'Only photo available; reviewed at the desk.';
    const darkCodes = photoOf('dark.jpg')?.quality?.issues.map((i) => i.code) ?? [];
    expect(darkCodes).toContain('too_dark');
    // An override that does not cover every flagged check enrolls nothing.
    const partial = await svc.enrollScan(scan, { consent, excluded: ['Anna Good', 'Eva Blurred', 'Gus Group'], qualityOverrides: { [pathOf('dark.jpg')]: { codes: ['blurred'], note } } });
    expect(partial.results[0]?.status).toBe('skipped');
    const outcome = await svc.enrollScan(scan, {
      consent,
      qualityOverrides: { [pathOf('dark.jpg')]: { codes: [...darkCodes], note } },
      keepLargestFace: [pathOf('team.jpg')],
    });
    const byKey = Object.fromEntries(outcome.results.map((r) => [r.key, r]));
    expect(byKey['Anna Good']?.status).toBe('enrolled');
    expect(byKey['Dora Dark']?.status).toBe('enrolled');
    expect(byKey['Gus Group']?.status).toBe('enrolled');
    expect(byKey['Eva Blurred']).toMatchObject({ status: 'skipped', message: expect.stringContaining('blurred') });

    const server = await persons();
    const first = (p: Person) => (p.metaData?.['person_info'] as { first_name: string }).first_name;
    expect(server.map(first).sort()).toEqual(['Anna', 'Dora', 'Gus']);
    const dora = enrollmentOf(server.find((p) => first(p) === 'Dora'));
    expect(dora?.['quality_overrides']).toEqual([{ photo_sha256: photoOf('dark.jpg')?.sha256, codes: darkCodes, note }]);
    expect(enrollmentOf(server.find((p) => first(p) === 'Anna'))?.['quality_overrides']).toBeUndefined();

    // Exactly one audit entry: the dark photo's override, tied to its enrollment.
    const entries = audit.entries().filter((e) => e.action === 'qualityOverridden');
    expect(entries).toEqual([expect.objectContaining({ enrollmentId: dora?.['id'], collectionId: collectionId(), note: `[${darkCodes.join(', ')}] ${note}` })]);

    // The group photo went up as a portrait crop around one face, not the whole group.
    const gus = server.find((p) => first(p) === 'Gus');
    const sent = byKey['Gus Group']?.photos[0]?.sha256;
    expect(sent).toBeDefined();
    expect(sent).not.toBe(scan.report.persons.find((p) => p.key === 'Gus Group')?.photos[0]?.sha256);
    expect(gus?.images).toHaveLength(1);
  }, 120_000);

  it('a webcam capture flagged by the checks needs an override note; the note goes to meta_data and the audit log', async () => {
    const dark = await sharp(await (await uniqueWideFace(4)).jpeg().toBuffer()).linear(0.25, 0).jpeg().toBuffer();
    const capture = await svc.processCapture(dark.toString('base64'), false);
    if (!capture.ok) throw new Error(capture.message);
    expect(capture.quality?.passed).toBe(false);
    expect(capture.quality?.issues.map((i) => i.code)).toContain('too_dark');
    const request = { collectionId: collectionId(), name: { first: 'Webb', middle: '', last: 'Cam' }, source: 'webcam' as const, consent };
    await expect(svc.enrollPerson({ ...request, photos: [{ captureId: capture.captureId, tags: ['photo_selfie'] }] })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('too_dark'),
    });
    const codes = capture.quality?.issues.map((i) => i.code) ?? [];
    const before = audit.entries().length;
    const result = await svc.enrollPerson({ ...request, photos: [{ captureId: capture.captureId, tags: ['photo_selfie'], qualityOverride: { codes, note: 'Desk lamp broken today.' } }] });
    expect(result.status).toBe('enrolled');
    const webb = (await persons()).find((p) => (p.metaData?.['person_info'] as { first_name: string }).first_name === 'Webb');
    expect(enrollmentOf(webb)?.['quality_overrides']).toEqual([{ photo_sha256: capture.sha256, codes, note: 'Desk lamp broken today.' }]);
    expect(audit.entries().slice(before)).toEqual([expect.objectContaining({ action: 'qualityOverridden', enrollmentId: result.enrollmentId })]);
  }, 120_000);
});
