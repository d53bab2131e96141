import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exifHasGps, faceJpegs, makeTempDir, uniqueFace, writeBadInputs, type CorpusEntry } from '../../../test/fixtures/corpus.js';
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
