import type { FaceRegionStats } from './quality.js';

/** Face regions are scaled to this width before measuring, so sharpness compares across photo sizes. */
export const STATS_REGION_WIDTH = 128;

const DARK = 5;
const BRIGHT = 250;

/** ITU-R BT.601 luma of interleaved RGB(A) pixels. */
export function toGrey(pixels: Uint8Array | Uint8ClampedArray, channels: 3 | 4): Uint8Array {
  const grey = new Uint8Array(Math.floor(pixels.length / channels));
  for (let i = 0, p = 0; i < grey.length; i += 1, p += channels) {
    grey[i] = Math.round(0.299 * (pixels[p] ?? 0) + 0.587 * (pixels[p + 1] ?? 0) + 0.114 * (pixels[p + 2] ?? 0));
  }
  return grey;
}

/**
 * Sharpness as the variance of the 4-neighbour Laplacian (Pech-Pacheco et al.), brightness as
 * mean luma, clipping as the share of crushed/blown pixels. Pure, so main and renderer agree.
 */
export function measureRegion(grey: Uint8Array, width: number, height: number): FaceRegionStats {
  let sum = 0;
  let dark = 0;
  let bright = 0;
  for (const v of grey) {
    sum += v;
    if (v <= DARK) dark += 1;
    else if (v >= BRIGHT) bright += 1;
  }
  let lapSum = 0;
  let lapSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      const lap = (grey[i - 1] ?? 0) + (grey[i + 1] ?? 0) + (grey[i - width] ?? 0) + (grey[i + width] ?? 0) - 4 * (grey[i] ?? 0);
      lapSum += lap;
      lapSq += lap * lap;
      n += 1;
    }
  }
  const total = Math.max(1, grey.length);
  const lapMean = n > 0 ? lapSum / n : 0;
  return {
    sharpness: n > 0 ? Math.max(0, lapSq / n - lapMean * lapMean) : 0,
    brightness: sum / total,
    darkClipped: dark / total,
    brightClipped: bright / total,
  };
}
