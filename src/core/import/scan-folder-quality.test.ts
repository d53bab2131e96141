import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, uniqueWideFace } from '../../../test/fixtures/corpus.js';
import { createPhotoProcessor } from '../images/photo-processor.js';
import { createFaceDetector, type FaceDetector } from '../quality/index.js';
import { sampleJpeg } from '../../../test/fixtures/quality-fixtures.js';
import type { PhotoReport, ScanReport } from './report.js';
import { scanFolder } from './scan-folder.js';

// The real detector (worker thread) on real photos: what an operator's dry run reports.
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let detector: FaceDetector;
let report: ScanReport;

const photo = (fileName: string): PhotoReport => {
  const found = report.persons.flatMap((p) => p.photos).find((p) => p.fileName === fileName);
  if (!found) throw new Error(`no ${fileName}`);
  return found;
};
const codes = (fileName: string) => photo(fileName).quality?.issues.map((i) => i.code);

beforeAll(async () => {
  temp = await makeTempDir('enroll-desk-scan-quality-');
  detector = createFaceDetector();
  const good = await (await uniqueWideFace(0)).jpeg().toBuffer();
  const files: Record<string, Buffer> = {
    'Anna Good/front.jpg': good,
    'Anna Good/blurred.jpg': await sharp(good).blur(6).jpeg().toBuffer(),
    'Anna Good/dark.jpg': await sharp(good).linear(0.25, 0).jpeg().toBuffer(),
    'Group Photo/team.jpg': await sampleJpeg(3),
    // A far-away shot from a big camera: the face is small, the source has pixels to spare.
    'Far Away/far.jpg': await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#7d8a80' } })
      .composite([{ input: await sharp(good).resize({ width: 700 }).toBuffer(), left: 1650, top: 1000 }])
      .jpeg({ quality: 92 })
      .toBuffer(),
  };
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(join(temp.dir, rel, '..'), { recursive: true });
    await writeFile(join(temp.dir, rel), data);
  }
  report = await scanFolder(temp.dir, { processor: createPhotoProcessor(), detector });
}, 120_000);

afterAll(async () => {
  await detector.close();
  await temp.cleanup();
});

describe('scanFolder with the face-quality detector', () => {
  it('passes a good single face and gives every flagged photo its reason', () => {
    expect(photo('front.jpg').quality).toMatchObject({ passed: true, issues: [], faceCount: 1 });
    expect(codes('blurred.jpg')).toContain('blurred');
    expect(codes('dark.jpg')).toContain('too_dark');
    expect(codes('team.jpg')?.[0]).toBe('several_faces');
    expect(photo('team.jpg').quality?.faceCount).toBeGreaterThanOrEqual(3);
    // The largest face is kept for "keep the largest face" at enroll time.
    expect(photo('team.jpg').quality?.face?.box.width).toBeGreaterThan(150);
    for (const name of ['blurred.jpg', 'dark.jpg', 'team.jpg']) expect(photo(name).quality?.issues[0]?.message.length).toBeGreaterThan(10);
  });

  it('counts flagged photos apart, still as accepted by the pipeline', () => {
    expect(report.counts).toMatchObject({ persons: 3, photosAccepted: 5, flagged: 3 });
    expect(photo('dark.jpg').status).toBe('accepted');
  });

  it('auto-crops a small face in a large source before the resize, and the crop passes', () => {
    const far = photo('far.jpg');
    expect(far.crop).toBeDefined();
    expect(far.notes).toContain('Cropped around the face.');
    expect(far.quality).toMatchObject({ passed: true, faceCount: 1 });
    expect(Math.min(far.width ?? 0, far.height ?? 0)).toBeGreaterThanOrEqual(480);
  });

  it('keeps no pixels in the report', () => {
    expect(JSON.stringify(report).length).toBeLessThan(20_000);
    expect(JSON.stringify(report)).not.toMatch(/jpeg|thumbnail/i);
  });
});
