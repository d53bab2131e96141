import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegs, makeTempDir, writeBadInputs, type CorpusEntry } from '../../../test/fixtures/corpus.js';
import type { CropRegion } from './auto-crop.js';
import { DEFAULT_PHOTO_LIMITS as L } from './photo-limits.js';
import { DETECTION_MAX_SIDE } from './pixels.js';
import { preparePhoto, type PreparedPhoto } from './prepare-photo.js';
import { processPhoto } from './process-photo.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let corpus: readonly (CorpusEntry & { readonly path: string })[];

beforeAll(async () => {
  temp = await makeTempDir();
  corpus = await writeBadInputs(join(temp.dir, 'corpus'));
});
afterAll(() => temp.cleanup());

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The pipeline as it was before the single decode: encoded straight from the source. */
function formerJpeg(source: Buffer, crop?: CropRegion): Promise<Buffer> {
  const upright = sharp(source, { limitInputPixels: L.maxInputPixels, failOn: 'truncated' }).autoOrient();
  if (crop) upright.extract(crop);
  return upright
    .resize({ width: L.maxSide, height: L.maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: L.quality })
    .toBuffer();
}

async function prepared(bytes: Buffer, crop?: CropRegion): Promise<PreparedPhoto> {
  const result = await preparePhoto({ bytes }, {}, crop ? { crop } : {});
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('preparePhoto: one decode, the same photo hashes', () => {
  it('gives byte-identical JPEGs to the former pipeline on every accepted corpus file', async () => {
    const accepted = corpus.filter((e) => e.expect === 'accepted');
    // EXIF-rotated, PNG with alpha, CMYK and 16-bit are among them.
    for (const name of ['rotated-exif6.jpg', 'transparent.png', 'cmyk.jpg', 'deep-16bit.png']) expect(accepted.map((e) => e.name)).toContain(name);
    for (const e of accepted) {
      const source = await readFile(e.path);
      const mine = await prepared(source);
      expect(mine.photo.sha256, e.name).toBe(sha256(await formerJpeg(source)));
      expect(mine.photo.sha256, e.name).toBe(sha256(mine.photo.jpeg));
    }
  });

  it('gives the same bytes for a cropped photo', async () => {
    const source = (await faceJpegs())[3] ?? Buffer.alloc(0);
    const crop = { left: 20, top: 40, width: 500, height: 560 };
    expect((await prepared(source, crop)).photo.sha256).toBe(sha256(await formerJpeg(source, crop)));
  });

  it('holds for any size, channel count, EXIF orientation and format (property)', async () => {
    const shape = fc.record({
      width: fc.integer({ min: 480, max: 640 }),
      height: fc.integer({ min: 480, max: 640 }),
      channels: fc.constantFrom(3 as const, 4 as const),
      orientation: fc.integer({ min: 1, max: 8 }),
      format: fc.constantFrom('jpeg' as const, 'png' as const, 'webp' as const),
      grey: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const base = sharp({ create: { width: s.width, height: s.height, channels: s.channels, background: { r: 200, g: 90, b: 40, alpha: 0.6 }, noise: { type: 'gaussian', mean: 120, sigma: 40 } } });
        if (s.grey) base.greyscale();
        const encoded = s.format === 'jpeg' ? base.jpeg().withMetadata({ orientation: s.orientation }) : s.format === 'png' ? base.png() : base.webp();
        const source = await encoded.toBuffer();
        const mine = await prepared(source);
        expect(mine.photo.sha256).toBe(sha256(await formerJpeg(source)));
        expect([mine.pixels.width, mine.pixels.height, mine.pixels.channels]).toEqual([mine.photo.width, mine.photo.height, 3]);
      }),
      { numRuns: 16 },
    );
  });
});

describe('preparePhoto: what it hands on', () => {
  it('makes the ≤ 640 px RGB detection copy from the same pixels, with its scale to the full photo', async () => {
    const e = corpus.find((c) => c.name === 'big.jpg');
    if (!e) throw new Error('no big.jpg');
    const mine = await prepared(await readFile(e.path));
    const { image, scale, width, height } = mine.detection;
    expect(Math.max(image.width, image.height)).toBe(DETECTION_MAX_SIDE);
    expect(image.rgb.length).toBe(image.width * image.height * 3);
    expect([width, height]).toEqual([mine.photo.width, mine.photo.height]);
    expect(image.width * scale).toBeCloseTo(width, 5);
    const source = await sharp(e.path).metadata();
    expect(mine.sourceSize).toEqual({ width: source.width, height: source.height });
  });

  it('fingerprints the file it read once: size, mtime and the source hash', async () => {
    const e = corpus.find((c) => c.name === 'rotated-exif6.jpg');
    if (!e) throw new Error('no rotated-exif6.jpg');
    const result = await preparePhoto({ path: e.path });
    if (!result.ok) throw new Error(result.message);
    const info = await stat(e.path);
    const bytes = await readFile(e.path);
    expect(result.photo.source).toEqual({ size: info.size, mtimeMs: info.mtimeMs, sourceSha256: sha256(bytes) });
    expect(result.sourceBytes.equals(bytes)).toBe(true);
    // processPhoto reports the same fingerprint; bytes from memory carry no mtime.
    expect(await processPhoto({ path: e.path })).toMatchObject({ ok: true, source: result.photo.source });
    expect((await prepared(bytes)).photo.source).toEqual({ size: bytes.length, mtimeMs: null, sourceSha256: sha256(bytes) });
  });

  it('makes the thumbnail only when asked', async () => {
    const source = (await faceJpegs())[1] ?? Buffer.alloc(0);
    const withThumb = await prepared(source);
    const bare = await preparePhoto({ bytes: source }, {}, { thumbnail: false });
    expect(bare.ok && bare.photo.thumbnail).toBeNull();
    const thumb = await sharp(withThumb.photo.thumbnail ?? Buffer.alloc(0)).metadata();
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(L.thumbnailSize);
  });
});
