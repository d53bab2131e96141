import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir, uniqueWideFace } from '../../../test/fixtures/corpus.js';
import { createPhotoProcessor, type PhotoProcessor } from '../images/photo-processor.js';
import { createFaceDetector, type FaceDetector } from '../quality/index.js';
import { sampleJpeg } from '../../../test/fixtures/quality-fixtures.js';
import type { PhotoReport, ScanReport } from './report.js';
import { scanFolder } from './scan-folder.js';

// Every sharp pipeline opened, by its input: decoded pixels (raw) are no decode.
const sharpInputs = vi.hoisted(() => ({ encoded: [] as Buffer[], raw: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof sharp }>()).default;
  const counting = new Proxy(real, {
    apply(target, self, args: Parameters<typeof real>) {
      const [input, options] = args;
      if (options && typeof options === 'object' && 'raw' in options) sharpInputs.raw += 1;
      else if (Buffer.isBuffer(input)) sharpInputs.encoded.push(input);
      return Reflect.apply(target, self, args);
    },
  });
  return { default: counting };
});

// The real detector (worker thread) on real photos: what an operator's dry run reports.
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let detector: FaceDetector;
let report: ScanReport;
let sources: ReadonlyMap<string, string>;
let good: Buffer;

const photo = (fileName: string): PhotoReport => {
  const found = report.persons.flatMap((p) => p.photos).find((p) => p.fileName === fileName);
  if (!found) throw new Error(`no ${fileName}`);
  return found;
};
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const codes = (fileName: string) => photo(fileName).quality?.issues.map((i) => i.code);

beforeAll(async () => {
  temp = await makeTempDir('enroll-desk-scan-quality-');
  detector = createFaceDetector();
  good = await (await uniqueWideFace(0)).jpeg().toBuffer();
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
  sources = new Map(Object.entries(files).map(([rel, data]) => [sha256(data), rel]));
  sharpInputs.encoded.length = 0;
  sharpInputs.raw = 0;
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

  it('decodes each source once (twice when auto-cropped) and never an output JPEG', () => {
    const photos = report.persons.flatMap((p) => p.photos);
    const cropped = photos.filter((p) => p.crop !== undefined).length;
    expect(cropped).toBeGreaterThanOrEqual(1);
    expect(sharpInputs.encoded).toHaveLength(photos.length + cropped);
    const decoded = sharpInputs.encoded.map((b) => sha256(b));
    // Every encoded input is a source file's bytes: no pipeline output was decoded again.
    for (const hash of decoded) expect(sources.has(hash)).toBe(true);
    for (const p of photos) expect(decoded).not.toContain(p.sha256);
    const far = [...sources].find(([, rel]) => rel.endsWith('far.jpg'))?.[0];
    expect(decoded.filter((h) => h === far)).toHaveLength(2);
    // The JPEG, detection copy and face regions all came from decoded pixels.
    expect(sharpInputs.raw).toBeGreaterThanOrEqual(photos.length * 2);
  });

  it('frees the sharp slot while a photo waits for the detector', async () => {
    const root = await makeTempDir('enroll-desk-scan-overlap-');
    try {
      await mkdir(join(root.dir, 'Two Photos'));
      await writeFile(join(root.dir, 'Two Photos', 'a.jpg'), good);
      await writeFile(join(root.dir, 'Two Photos', 'b.jpg'), await sharp(good).modulate({ brightness: 1.05 }).jpeg().toBuffer());
      const processor = createPhotoProcessor({ concurrency: 1 });
      let prepared = 0;
      const counting: PhotoProcessor = { ...processor, prepare: async (...args) => processor.prepare(...args).finally(() => (prepared += 1)) };
      let first = true;
      const gated: FaceDetector = {
        ...detector,
        detect: async (image, scale) => {
          // With one slot, the second photo is decoded only if the first released it before detection.
          if (first) {
            first = false;
            await vi.waitFor(() => expect(prepared).toBe(2), { timeout: 20_000, interval: 20 });
          }
          return detector.detect(image, scale);
        },
      };
      const overlap = await scanFolder(root.dir, { processor: counting, detector: gated });
      expect(overlap.counts.photosAccepted).toBe(2);
    } finally {
      await root.cleanup();
    }
  });
});
