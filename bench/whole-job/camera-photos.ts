import { existsSync } from 'node:fs';
import { link, mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { wideFaceJpegs } from '../../test/fixtures/corpus.js';
import { createLimiter } from '../../src/core/images/limiter.js';

/** Bump when the recipe below changes, so a cached set is never mistaken for the new one. */
const RECIPE_VERSION = 1;
const STAMP = 16;

export interface PhotoSize {
  readonly width: number;
  readonly height: number;
}

export const TWELVE_MP: PhotoSize = { width: 3000, height: 4000 };
export const TWO_MP: PhotoSize = { width: 1200, height: 1600 };

/** A real face enlarged to the camera's size with sensor-like gaussian noise, decoded to raw pixels. */
async function noisyBase(face: Buffer, size: PhotoSize): Promise<{ data: Buffer; info: OutputInfo }> {
  const noise = await sharp({ create: { ...size, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } })
    .raw()
    .toBuffer();
  return sharp(face)
    .resize({ ...size, fit: 'cover' })
    .composite([{ input: noise, raw: { ...size, channels: 3 }, blend: 'soft-light' }])
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/** A per-file pixel stamp: no two files share their pixels (nor their SHA-256). */
function stampOf(index: number): Buffer {
  const stamp = Buffer.alloc(STAMP * STAMP * 3);
  for (let p = 0; p < stamp.length; p += 1) stamp[p] = (index * 131 + p * 17 + Math.floor(index / 256) * 7) % 256;
  return stamp;
}

/**
 * `count` distinct camera-like JPEGs (q92; a 12 MP one is about 3.8 MB, as a phone writes),
 * cached in the OS temp folder under a versioned name so a second bench run reuses them.
 */
export async function cameraPhotos(size: PhotoSize, count: number, onMade?: (done: number) => void): Promise<string[]> {
  const dir = join(tmpdir(), `enroll-desk-bench-photos-v${RECIPE_VERSION}`, `${size.width}x${size.height}`);
  await mkdir(dir, { recursive: true });
  const files = Array.from({ length: count }, (_, i) => join(dir, `photo-${String(i).padStart(5, '0')}.jpg`));
  const missing = files.map((file, index) => ({ file, index })).filter((f) => !existsSync(f.file));
  const faces = await wideFaceJpegs();
  const limiter = createLimiter(2);
  let made = 0;
  for (let f = 0; f < faces.length && missing.length > 0; f += 1) {
    const mine = missing.filter((m) => m.index % faces.length === f);
    if (mine.length === 0) continue;
    const base = await noisyBase(faces[f] as Buffer, size);
    await Promise.all(
      mine.map((m) =>
        limiter.run(async () => {
          const jpeg = await sharp(base.data, { raw: base.info })
            .composite([{ input: stampOf(m.index), raw: { width: STAMP, height: STAMP, channels: 3 }, left: 8 + (m.index % 64), top: 8 + (Math.floor(m.index / 64) % 64) }])
            .jpeg({ quality: 92 })
            .toBuffer();
          // Written under a temporary name first: an interrupted run never caches half a file.
          await writeFile(`${m.file}.part`, jpeg);
          await rename(`${m.file}.part`, m.file);
          onMade?.((made += 1));
        }),
      ),
    );
  }
  return files;
}

/** A folder per person (`photosPerPerson` files each), hard links to the cached photos. */
export async function personTree(root: string, photos: readonly string[], photosPerPerson: number): Promise<number> {
  const persons = Math.floor(photos.length / photosPerPerson);
  for (let p = 0; p < persons; p += 1) {
    const folder = join(root, `Person${String(p).padStart(5, '0')} Bench`);
    await mkdir(folder, { recursive: true });
    for (let k = 0; k < photosPerPerson; k += 1) await link(photos[p * photosPerPerson + k] as string, join(folder, `p${k}.jpg`));
  }
  return persons;
}
