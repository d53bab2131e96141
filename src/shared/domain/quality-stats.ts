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

/** Running variance of one filter response. */
class Spread {
  #sum = 0;
  #squares = 0;
  #n = 0;
  add(v: number): void {
    this.#sum += v;
    this.#squares += v * v;
    this.#n += 1;
  }
  get variance(): number {
    if (this.#n === 0) return 0;
    const mean = this.#sum / this.#n;
    return Math.max(0, this.#squares / this.#n - mean * mean);
  }
}

/**
 * Sharpness as the variance of the 4-neighbour Laplacian (Pech-Pacheco et al.), which falls
 * when the face is out of focus. Motion smears the face along one direction only and leaves
 * the Laplacian high across it, so the smallest variance of the second difference along one
 * of four directions (0°, 45°, 90°, 135°) is measured too. Brightness is mean luma, clipping
 * the share of crushed/blown pixels. Pure, so main and renderer agree.
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
  const laplacian = new Spread();
  const directions = [new Spread(), new Spread(), new Spread(), new Spread()] as const;
  const at = (i: number): number => grey[i] ?? 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      const twice = 2 * at(i);
      const across = at(i - 1) + at(i + 1) - twice;
      const down = at(i - width) + at(i + width) - twice;
      laplacian.add(across + down);
      directions[0].add(across);
      directions[1].add(down);
      directions[2].add(at(i - width - 1) + at(i + width + 1) - twice);
      directions[3].add(at(i - width + 1) + at(i + width - 1) - twice);
    }
  }
  const total = Math.max(1, grey.length);
  return {
    sharpness: laplacian.variance,
    directionalSharpness: Math.min(...directions.map((d) => d.variance)),
    brightness: sum / total,
    darkClipped: dark / total,
    brightClipped: bright / total,
  };
}

/**
 * The face's statistics from two regions: sharpness from the detector's box (hair and the
 * face's outline carry most of the detail a blur removes), light from the face's own extent
 * (skin only: dark hair or a bright wall around the face must not hide its exposure).
 */
export const faceStats = (box: FaceRegionStats, extent: FaceRegionStats): FaceRegionStats => ({
  sharpness: box.sharpness,
  directionalSharpness: box.directionalSharpness,
  brightness: extent.brightness,
  darkClipped: extent.darkClipped,
  brightClipped: extent.brightClipped,
});
