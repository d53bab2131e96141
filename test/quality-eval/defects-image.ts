import sharp, { type Sharp } from 'sharp';
import type { FramedPhoto } from './framing.js';
import type { EvalPhoto } from './labels.js';

const jpeg = (s: Sharp): Promise<Buffer> => s.jpeg({ quality: 90 }).toBuffer();

/**
 * A motion blur `length` px long: a line kernel, horizontal (in the middle of three rows,
 * sharp's minimum) or along the diagonal.
 */
function motionBlur(photo: FramedPhoto, length: number, diagonal: boolean): Sharp {
  const n = length % 2 ? length : length + 1;
  if (!diagonal) {
    return sharp(photo.jpeg).convolve({ width: n, height: 3, kernel: Array.from({ length: n * 3 }, (_, i) => (i >= n && i < 2 * n ? 1 : 0)) });
  }
  return sharp(photo.jpeg).convolve({ width: n, height: n, kernel: Array.from({ length: n * n }, (_, i) => (i % n === Math.floor(i / n) ? 1 : 0)) });
}

/** Mean luma of the face's extent: exposure defects are made relative to how the face was lit. */
async function faceMean(photo: FramedPhoto): Promise<number> {
  const e = photo.extent;
  const left = Math.max(0, Math.round(e.x));
  const top = Math.max(0, Math.round(e.y));
  const region = { left, top, width: Math.min(photo.width - left, Math.round(e.width)), height: Math.min(photo.height - top, Math.round(e.height)) };
  // stats() reads the input, not the greyscale pipeline, so the mean is taken from the pixels.
  const grey = await sharp(photo.jpeg).extract(region).greyscale().raw().toBuffer();
  return grey.reduce((sum, v) => sum + v, 0) / Math.max(1, grey.length);
}

/**
 * Gain (and offset) that would take the face's mean luma to `target` before clipping: the
 * same over-exposure for a dark and a light face. Targets past white (255) blow the face out.
 */
async function exposeTo(photo: FramedPhoto, target: number, offset = 0): Promise<Sharp> {
  return sharp(photo.jpeg).linear((target - offset) / (await faceMean(photo)), offset);
}

/**
 * Blurred, dark and over-exposed versions of the good portraits: two of each per face, one
 * from the 600×800 portrait and one from the closer crop. Strengths are relative to the
 * face's size, so every photo is as blurred as the next one at the face.
 */
export async function imageDefects(portraits: readonly FramedPhoto[], close: readonly FramedPhoto[]): Promise<readonly EvalPhoto[]> {
  const out: EvalPhoto[] = [];
  for (const [i, p] of portraits.entries()) {
    const c = close[i];
    if (!c) continue;
    const sigma = Math.round(p.extent.height * 0.03 * 10) / 10;
    const length = Math.round(c.extent.height * 0.08);
    const motion = i % 2 ? 'diagonal' : 'horizontal';
    out.push(
      { name: `${i}-gauss.jpg`, label: 'blurred', how: `out of focus: Gaussian σ ${sigma} px (3 % of the face height)`, jpeg: await jpeg(sharp(p.jpeg).blur(sigma)) },
      { name: `${i}-motion.jpg`, label: 'blurred', how: `moving: ${motion} motion blur ${length} px (8 % of the face height)`, jpeg: await jpeg(motionBlur(c, length, i % 2 === 1)) },
      { name: `${i}-dark.jpg`, label: 'dark', how: 'under-exposed: levels × 0.22', jpeg: await jpeg(sharp(p.jpeg).linear(0.22, 0)) },
      { name: `${i}-dim.jpg`, label: 'dark', how: 'under-exposed: levels × 0.3 − 12', jpeg: await jpeg(sharp(c.jpeg).linear(0.3, -12)) },
      { name: `${i}-bright.jpg`, label: 'over_exposed', how: 'over-exposed: gain taking the face to mean luma 300 (past white)', jpeg: await jpeg(await exposeTo(p, 300)) },
      { name: `${i}-flash.jpg`, label: 'over_exposed', how: 'flash: +60 and a gain taking the face to mean luma 280', jpeg: await jpeg(await exposeTo(c, 280, 60)) },
    );
  }
  return out;
}
