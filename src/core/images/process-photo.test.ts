import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exifHasGps, faceJpegs, makeTempDir, uniqueFace, writeBadInputs, type CorpusEntry } from '../../../test/fixtures/corpus.js';
import type { CropRegion } from './auto-crop.js';
import { DEFAULT_PHOTO_LIMITS as L } from './photo-limits.js';
import { DETECTION_MAX_SIDE } from './pixels.js';
import { preparePhoto, type PreparedPhoto } from './prepare-photo.js';
import { processPhoto, type ProcessedPhoto } from './process-photo.js';
import { REFUSAL_REASONS } from './refusal.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let corpus: readonly (CorpusEntry & { readonly path: string })[];

beforeAll(async () => {
  temp = await makeTempDir();
  corpus = await writeBadInputs(join(temp.dir, 'corpus'));
});
afterAll(() => temp.cleanup());

const entry = (name: string) => {
  const found = corpus.find((e) => e.name === name);
  if (!found) throw new Error(`no corpus entry ${name}`);
  return found;
};

async function accepted(name: string): Promise<ProcessedPhoto> {
  const result = await processPhoto({ path: entry(name).path });
  if (!result.ok) throw new Error(`${name} refused: ${result.message}`);
  return result;
}

describe('processPhoto on the corpus', () => {
  it('gives every corpus file its expected outcome', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const e of corpus) {
      const result = await processPhoto({ path: e.path });
      expect(result.ok ? 'accepted' : result.reason, `${e.name} (${e.why})`).toBe(e.expect);
      if (!result.ok) expect(result.message.length, e.name).toBeGreaterThan(20);
    }
  });

  it('covers every refusal reason', () => {
    const seen = new Set(corpus.map((e) => e.expect));
    for (const reason of REFUSAL_REASONS) expect(seen.has(reason), reason).toBe(true);
  });
});

describe('processPhoto refusals', () => {
  it('names HEIC and SVG plainly', async () => {
    const heic = await processPhoto({ path: entry('IMG_0001.HEIC').path });
    expect(heic).toMatchObject({ ok: false, reason: 'unsupported_format' });
    expect(!heic.ok && heic.message).toContain('HEIC photos (iPhone) are not supported');
    const svg = await processPhoto({ path: entry('drawing.svg').path });
    expect(!svg.ok && svg.message).toMatch(/vector drawings, not photos/);
  });

  it('checks the size before reading: a 60 MB file is refused without decoding', async () => {
    const started = Date.now();
    const result = await processPhoto({ path: entry('huge-sparse.jpg').path });
    expect(result).toMatchObject({ ok: false, reason: 'too_large_file' });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('applies the same checks to in-memory bytes', async () => {
    expect(await processPhoto({ bytes: Buffer.alloc(0) })).toMatchObject({ ok: false, reason: 'empty_file' });
    expect(await processPhoto({ bytes: Buffer.from('not a photo') })).toMatchObject({ ok: false, reason: 'not_an_image' });
    expect(await processPhoto({ bytes: Buffer.alloc(2048, 0xff) }, { maxFileBytes: 1024 })).toMatchObject({ ok: false, reason: 'too_large_file' });
    expect(await processPhoto({ bytes: await readFile(entry('pixel-bomb.png').path) })).toMatchObject({ ok: false, reason: 'pixel_bomb' });
  });

  it('refuses a folder named like a photo', async () => {
    const dir = join(temp.dir, 'folder.jpg');
    await mkdir(dir);
    expect(await processPhoto({ path: dir })).toMatchObject({ ok: false, reason: 'unreadable', message: 'This is a folder, not a photo file.' });
  });

  it('honours a lower pixel limit', async () => {
    const face = (await faceJpegs())[0] ?? Buffer.alloc(0);
    expect(await processPhoto({ bytes: face }, { maxInputPixels: 100_000 })).toMatchObject({ ok: false, reason: 'pixel_bomb' });
  });
});

describe('processPhoto output', () => {
  it('strips EXIF, GPS, XMP, IPTC and ICC', async () => {
    const gpsInput = await sharp(entry('gps.jpg').path).metadata();
    expect(exifHasGps(gpsInput.exif)).toBe(true);
    for (const name of ['gps.jpg', 'huge-exif.jpg', 'icc-xmp.jpg', 'rotated-exif6.jpg']) {
      const out = await accepted(name);
      const meta = await sharp(out.jpeg).metadata();
      expect(meta.exif, name).toBeUndefined();
      expect(meta.xmp, name).toBeUndefined();
      expect(meta.iptc, name).toBeUndefined();
      expect(meta.icc, name).toBeUndefined();
      expect(meta.orientation, name).toBeUndefined();
      expect(out.notes.some((n) => n.startsWith('Removed embedded metadata')), name).toBe(true);
    }
  });

  it('turns an EXIF-rotated photo upright', async () => {
    const stored = await sharp(entry('rotated-exif6.jpg').path).metadata();
    expect(stored.width).toBeGreaterThan(stored.height ?? 0);
    const out = await accepted('rotated-exif6.jpg');
    expect(out.height).toBeGreaterThan(out.width);
    expect(out.orientationTag).toBe('orientation_portrait');
    expect(out.notes).toContain("Turned upright using the camera's orientation tag.");
  });

  it('tags a landscape photo as landscape', async () => {
    const wide = await (await uniqueFace(7)).resize({ width: 900, height: 600, fit: 'cover' }).jpeg().toBuffer();
    const out = await processPhoto({ bytes: wide });
    expect(out).toMatchObject({ ok: true, width: 900, height: 600, orientationTag: 'orientation_landscape' });
  });

  it('fits large photos inside 1920 px and never enlarges small ones', async () => {
    const big = await accepted('big.jpg');
    expect(Math.max(big.width, big.height)).toBe(1920);
    const meta = await sharp(big.jpeg).metadata();
    expect([meta.width, meta.height]).toEqual([big.width, big.height]);
    const small = await accepted('Ωmega façade 写真 Łódź.jpg');
    const input = await sharp(entry('Ωmega façade 写真 Łódź.jpg').path).metadata();
    expect([small.width, small.height]).toEqual([input.width, input.height]);
  });

  it('converts CMYK and 16-bit inputs to 8-bit sRGB JPEG', async () => {
    expect((await sharp(entry('cmyk.jpg').path).metadata()).space).toBe('cmyk');
    expect((await sharp(entry('deep-16bit.png').path).metadata()).depth).toBe('ushort');
    for (const name of ['cmyk.jpg', 'deep-16bit.png', 'transparent.png']) {
      const meta = await sharp((await accepted(name)).jpeg).metadata();
      expect(meta, name).toMatchObject({ format: 'jpeg', space: 'srgb', depth: 'uchar', channels: 3, hasAlpha: false });
    }
  });

  it('makes a 256 px JPEG thumbnail and hashes exactly the output JPEG', async () => {
    const out = await accepted('big.jpg');
    if (!out.thumbnail) throw new Error('no thumbnail');
    const thumb = await sharp(out.thumbnail).metadata();
    expect(thumb.format).toBe('jpeg');
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(256);
    expect(out.sha256).toBe(createHash('sha256').update(out.jpeg).digest('hex'));
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips the thumbnail when asked, with the very same JPEG', async () => {
    const source = { bytes: await (await uniqueFace(7)).resize({ width: 1400 }).jpeg().toBuffer() };
    const full = await processPhoto(source);
    const bare = await processPhoto(source, {}, { thumbnail: false });
    if (!full.ok || !bare.ok) throw new Error('refused');
    expect(full.thumbnail).not.toBeNull();
    expect(bare.thumbnail).toBeNull();
    expect(bare.sha256).toBe(full.sha256);
  });

  it('is deterministic: the same input gives the same hash, a different one another', async () => {
    const face = (await faceJpegs())[1] ?? Buffer.alloc(0);
    const [a, b] = await Promise.all([processPhoto({ bytes: face }), processPhoto({ bytes: Buffer.from(face) })]);
    expect(a.ok && b.ok && a.sha256 === b.sha256).toBe(true);
    const other = await processPhoto({ bytes: (await faceJpegs())[2] ?? Buffer.alloc(0) });
    expect(other.ok && a.ok && other.sha256 !== a.sha256).toBe(true);
  });

  it('reports the source format it sniffed, not the extension', async () => {
    expect((await accepted('png-content.jpg')).sourceFormat).toBe('png');
    expect((await accepted('face.webp')).sourceFormat).toBe('webp');
    expect((await accepted('face.avif')).sourceFormat).toBe('avif');
  });
});

// One decode per photo (preparePhoto) on the same corpus.
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
    const faces = await faceJpegs();
    const shape = fc.record({
      face: fc.integer({ min: 0, max: faces.length - 1 }),
      width: fc.integer({ min: 480, max: 640 }),
      height: fc.integer({ min: 480, max: 640 }),
      alpha: fc.boolean(),
      orientation: fc.integer({ min: 1, max: 8 }),
      format: fc.constantFrom('jpeg' as const, 'png' as const, 'webp' as const),
      grey: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const base = sharp(faces[s.face]).resize({ width: s.width, height: s.height, fit: 'fill' });
        if (s.grey) base.greyscale();
        if (s.alpha) base.ensureAlpha(0.6);
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
