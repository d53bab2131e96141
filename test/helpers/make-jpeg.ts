import sharp from 'sharp';
import type { PhotoUpload } from '../../src/core/oz/index.js';

// Mulberry32: a tiny seeded PRNG, so every seed gives the same, distinct noise image.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small JPEG of seeded colour noise; different seeds never look alike to a matcher. */
export async function makeJpeg(seed: number, size = 48): Promise<Uint8Array> {
  const next = prng(seed);
  const raw = Buffer.alloc(size * size * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = Math.floor(next() * 256);
  const jpeg = await sharp(raw, { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
  return new Uint8Array(jpeg);
}

export async function makePhoto(seed: number, tags: readonly string[] = ['photo_selfie']): Promise<PhotoUpload> {
  return { bytes: await makeJpeg(seed), fileName: `face-${seed}.jpg`, mimeType: 'image/jpeg', tags };
}
