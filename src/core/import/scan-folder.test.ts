import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegs, makeTempDir, uniqueFace, writeBadInputs } from '../../../test/fixtures/corpus.js';
import { createPhotoProcessor } from '../images/photo-processor.js';
import type { ScanProgress, ScanReport } from './report.js';
import { nodeScanFs, type ScanFs } from './scan-fs.js';
import { scanFolder } from './scan-folder.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let faces: readonly Buffer[];
const processor = createPhotoProcessor({ concurrency: 2 });

beforeAll(async () => {
  temp = await makeTempDir();
  faces = await faceJpegs();
});
afterAll(() => temp.cleanup());

const face = (i: number): Buffer => {
  const f = faces[i];
  if (!f) throw new Error(`no face ${i}`);
  return f;
};

async function tree(root: string, files: Record<string, Buffer | string>): Promise<string> {
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), data);
  }
  return root;
}

const person = (report: ScanReport, key: string) => {
  const found = report.persons.find((p) => p.key === key);
  if (!found) throw new Error(`no person ${key} in ${report.persons.map((p) => p.key).join(', ')}`);
  return found;
};

describe('scanFolder, one folder per person', () => {
  it('names persons from folders, tags their photos and lists stray files', async () => {
    const root = await tree(join(temp.dir, 'layout-a'), {
      'Kowalska, Anna Maria/1.jpg': face(0),
      'Kowalska, Anna Maria/2.jpg': face(1),
      'José  García/front.jpg': face(2),
      'José  García/2019/old.jpg': face(3),
      'José  García/.DS_Store': 'junk',
      'José  García/Thumbs.db': 'junk',
      'José  García/._front.jpg': 'AppleDouble',
      '.hidden/secret.jpg': face(4),
      'readme.txt': 'put photos in folders',
      'desktop.ini': '[.ShellClassInfo]',
    });
    const report = await scanFolder(root, { processor });
    expect(report.layout).toBe('folders');
    expect(report.persons.map((p) => p.key)).toEqual(['José  García', 'Kowalska, Anna Maria']);
    expect(person(report, 'Kowalska, Anna Maria').name).toEqual({ first: 'Anna', middle: 'Maria', last: 'Kowalska' });
    const jose = person(report, 'José  García');
    expect(jose.name).toEqual({ first: 'José', middle: '', last: 'García' });
    expect(jose.photos.map((p) => p.fileName)).toEqual(['old.jpg', 'front.jpg']);
    for (const photo of report.persons.flatMap((p) => p.photos)) {
      expect(photo).toMatchObject({ status: 'accepted', tags: ['photo_selfie', 'orientation_portrait'] });
      expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(photo.width).toBe(600);
    }
    expect(report.refused).toEqual([expect.objectContaining({ fileName: 'readme.txt', reason: 'not_in_person_folder' })]);
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ persons: 2, photosAccepted: 4, photosRefused: 1, duplicates: 0, flagged: 0 });
    expect(report.cancelled).toBe(false);
  });

  it('marks a repeated photo as duplicate of the first, and consults known hashes', async () => {
    const root = await tree(join(temp.dir, 'dupes'), {
      'A Person/a.jpg': face(5),
      'A Person/a-copy.png': face(5),
      'B Person/same.jpg': face(5),
      'B Person/enrolled.jpg': face(6),
      'B Person/queued.jpg': face(7),
    });
    const first = await scanFolder(root, { processor });
    const hashOf = (key: string, file: string) => person(first, key).photos.find((p) => p.fileName === file)?.sha256;
    const enrolled = hashOf('B Person', 'enrolled.jpg');
    const queued = hashOf('B Person', 'queued.jpg');
    const report = await scanFolder(root, {
      processor,
      isKnownHash: (sha) => (sha === enrolled ? 'enrolled' : sha === queued ? 'queued' : null),
    });
    const a = person(report, 'A Person').photos;
    expect(a.map((p) => [p.fileName, p.status])).toEqual([
      ['a-copy.png', 'accepted'],
      ['a.jpg', 'duplicate'],
    ]);
    expect(a[1]).toMatchObject({ reason: 'duplicate_in_batch', duplicateOf: join(root, 'A Person', 'a-copy.png') });
    const b = Object.fromEntries(person(report, 'B Person').photos.map((p) => [p.fileName, p]));
    expect(b['same.jpg']).toMatchObject({ status: 'duplicate', reason: 'duplicate_in_batch', duplicateOf: join(root, 'A Person', 'a-copy.png') });
    expect(b['enrolled.jpg']).toMatchObject({ status: 'duplicate', reason: 'already_enrolled' });
    expect(b['queued.jpg']).toMatchObject({ status: 'duplicate', reason: 'already_queued' });
    expect(report.counts).toEqual({ persons: 2, photosAccepted: 1, photosRefused: 0, duplicates: 4, flagged: 0 });
  });

  it('reports a missing root as a problem instead of throwing', async () => {
    const report = await scanFolder(join(temp.dir, 'no-such-folder'), { processor });
    expect(report.persons).toEqual([]);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'unreadable_folder' })]);
  });
});

describe('scanFolder with a manifest', () => {
  it('builds persons from the CSV, keeps its tags and lists unlisted files', async () => {
    const wide = await (await uniqueFace(40)).resize({ width: 900, height: 600, fit: 'cover' }).jpeg().toBuffer();
    const root = await tree(join(temp.dir, 'layout-b'), {
      'p1.jpg': face(0),
      'p2.jpg': face(1),
      'wide.jpg': wide,
      'id.jpg': face(2),
      'stray.jpg': face(3),
      'nested/p4.jpg': face(4),
      'people.csv':
        'files,first_name,middle_name,last_name,external_id,tags\n' +
        'p1.jpg;p2.jpg,Anna,,Nowak,E-1,\n' +
        'wide.jpg,Ben,,Ode,E-2,photo_selfie\n' +
        'id.jpg,Cleo,,Park,E-3,photo_id;photo_id_front;orientation_landscape\n' +
        'missing.jpg;nested/p4.jpg,Dan,,Roe,E-4,\n' +
        'p1.jpg,Eve,,Sol,E-5,\n' +
        'p2.jpg,Fay,,Tam,E-6,not_a_tag\n',
    });
    const report = await scanFolder(root, { processor, manifest: join(root, 'people.csv') });
    expect(report.layout).toBe('manifest');
    expect(report.persons.map((p) => [p.key, p.externalId, p.photos.length])).toEqual([
      ['line 2', 'E-1', 2],
      ['line 3', 'E-2', 1],
      ['line 4', 'E-3', 1],
      ['line 5', 'E-4', 1],
    ]);
    expect(person(report, 'line 2').photos[0]?.tags).toEqual(['photo_selfie', 'orientation_portrait']);
    expect(person(report, 'line 3').photos[0]?.tags).toEqual(['photo_selfie', 'orientation_landscape']);
    expect(person(report, 'line 4').photos[0]?.tags).toEqual(['photo_id', 'photo_id_front', 'orientation_landscape']);
    expect(report.refused).toEqual([expect.objectContaining({ fileName: 'stray.jpg', reason: 'not_in_manifest' })]);
    const problems = report.problems.map((p) => [p.kind, p.line, p.message]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['manifest_error', 7, expect.stringMatching(/unknown tag "not_a_tag"/)],
        ['manifest_error', 5, expect.stringMatching(/"missing.jpg" was not found/)],
        ['manifest_error', 6, expect.stringMatching(/"p1.jpg" is already used on line 2/)],
      ]),
    );
    expect(report.problems).toHaveLength(3);
  });

  it('reports a broken manifest and imports nothing', async () => {
    const root = await tree(join(temp.dir, 'bad-manifest'), { 'a.jpg': face(0), 'm.csv': 'photo,name\na.jpg,Anna\n' });
    const report = await scanFolder(root, { processor, manifest: join(root, 'm.csv') });
    expect(report.persons).toEqual([]);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'manifest_error', line: 1 })]);
  });
});

describe('scanFolder on the bad-input corpus', () => {
  it('gives each bad file its own reason, accepts the good faces and survives loops and denied folders', async () => {
    const root = join(temp.dir, 'batch');
    const corpus = await writeBadInputs(join(root, 'Corpus, Bad Inputs'));
    await tree(root, {
      'Good, One/face.jpg': await (await uniqueFace(60)).jpeg().toBuffer(),
      'Good Two/face.png': await (await uniqueFace(61)).png().toBuffer(),
      'Locked, Person/face.jpg': await (await uniqueFace(62)).jpeg().toBuffer(),
      'Loop, Person/face.jpg': await (await uniqueFace(63)).jpeg().toBuffer(),
    });
    await symlink(root, join(root, 'Loop, Person', 'back-to-root'));
    await symlink(join(root, 'Good, One'), join(root, 'Alias Of Good'));
    await symlink('self-loop', join(root, 'Loop, Person', 'self-loop'));
    // Tests run as root, where chmod 000 denies nothing: the denial comes from the fs seam.
    const locked = join(root, 'Locked, Person');
    const deny: ScanFs = {
      ...nodeScanFs,
      readdir: (path) => (path === locked ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) : nodeScanFs.readdir(path)),
    };

    const report = await scanFolder(root, { processor, fs: deny });

    const bad = person(report, 'Corpus, Bad Inputs');
    expect(bad.photos).toHaveLength(corpus.length);
    for (const e of corpus) {
      const photo = bad.photos.find((p) => p.path === e.path);
      expect(photo, e.name).toBeDefined();
      expect(photo?.status === 'accepted' ? 'accepted' : photo?.reason, `${e.name} (${e.why})`).toBe(e.expect);
    }
    expect(person(report, 'Good, One').photos[0]?.status).toBe('accepted');
    expect(person(report, 'Good Two').photos[0]?.status).toBe('accepted');
    expect(person(report, 'Loop, Person').photos.map((p) => [p.fileName, p.status])).toEqual([
      ['face.jpg', 'accepted'],
      ['self-loop', 'refused'],
    ]);
    // Neither the denied folder nor the link to an already scanned one becomes a person.
    expect(report.persons.map((p) => p.key)).toEqual(['Corpus, Bad Inputs', 'Good Two', 'Good, One', 'Loop, Person']);

    const kinds = report.problems.map((p) => [p.kind, p.path]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['unreadable_folder', locked],
        ['symlink_loop', join(root, 'Loop, Person', 'back-to-root')],
        ['symlink_loop', join(root, 'Alias Of Good')],
      ]),
    );
    expect(report.problems).toHaveLength(3);
    const expectedAccepted = corpus.filter((e) => e.expect === 'accepted').length + 3;
    expect(report.counts.photosAccepted).toBe(expectedAccepted);
    expect(report.counts.photosRefused).toBe(corpus.length - (expectedAccepted - 3) + 1);
  });
});

describe('scanFolder progress and cancel', () => {
  let root: string;
  beforeAll(async () => {
    root = join(temp.dir, 'many');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 12; i += 1) files[`Person ${String.fromCharCode(65 + (i % 4))}/p${i}.jpg`] = await (await uniqueFace(80 + i)).jpeg().toBuffer();
    await tree(root, files);
  });

  it('reports every file found, then every file processed', async () => {
    const events: ScanProgress[] = [];
    const report = await scanFolder(root, { processor, onProgress: (p) => events.push(p) });
    const scanning = events.filter((e) => e.phase === 'scanning');
    const processing = events.filter((e) => e.phase === 'processing');
    expect(scanning.map((e) => e.done)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(processing.map((e) => e.done)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(processing.every((e) => e.total === 12 && e.current?.endsWith('.jpg'))).toBe(true);
    expect(events.indexOf(processing[0] as ScanProgress)).toBe(12);
    expect(report.counts.photosAccepted).toBe(12);
  });

  it('stops when cancelled and returns what was finished', async () => {
    const controller = new AbortController();
    let processed = 0;
    const report = await scanFolder(root, {
      processor,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'processing' && ++processed === 3) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    const photos = report.persons.flatMap((p) => p.photos);
    // The abort lands while the other slot may still be busy: it finishes, nothing new starts.
    expect(photos.length).toBeGreaterThanOrEqual(3);
    expect(photos.length).toBeLessThanOrEqual(4);
    expect(report.counts.photosAccepted).toBe(photos.length);
    expect(report.persons.every((p) => p.photos.length > 0)).toBe(true);
  });

  it('cancels during the folder walk too', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await scanFolder(root, { processor, signal: controller.signal });
    expect(report).toMatchObject({ cancelled: true, persons: [], counts: { persons: 0, photosAccepted: 0 } });
  });
});

describe('scanFolder at scale', () => {
  it('walks and judges 10,000 files', async () => {
    const root = join(temp.dir, 'ten-thousand');
    for (let p = 0; p < 100; p += 1) {
      const dir = join(root, `Person ${p}`);
      await mkdir(dir, { recursive: true });
      await Promise.all(Array.from({ length: 100 }, (_, i) => writeFile(join(dir, `${i}.jpg`), p === 0 && i < 2 ? face(i) : '')));
    }
    await copyFile(join(root, 'Person 0', '0.jpg'), join(root, 'Person 99', 'copy.jpg'));
    let events = 0;
    const started = Date.now();
    const report = await scanFolder(root, { processor, onProgress: () => void (events += 1) });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(events).toBe(2 * 10_001);
    expect(report.counts).toEqual({ persons: 100, photosAccepted: 2, photosRefused: 9_998, duplicates: 1, flagged: 0 });
    // Only metadata is kept: no Buffer anywhere in the report.
    expect(JSON.stringify(report).length).toBeLessThan(5_000_000);
    expect(report.persons.flatMap((p) => p.photos).some((p) => Object.values(p).some((v) => Buffer.isBuffer(v)))).toBe(false);
  });
});
