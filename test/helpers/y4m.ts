import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';

export interface Y4mOptions {
  readonly width: number;
  readonly height: number;
  /** Frames in the file; Chromium's fake camera loops them. */
  readonly frames?: number;
}

/** Full-range BT.601 RGB → Y'CbCr, as JPEG does (hence C420jpeg in the header). */
function toI420(rgb: Buffer, width: number, height: number): Buffer {
  const ySize = width * height;
  const cw = width / 2;
  const ch = height / 2;
  const out = Buffer.alloc(ySize + 2 * cw * ch);
  for (let i = 0; i < ySize; i += 1) {
    const r = rgb[i * 3] ?? 0;
    const g = rgb[i * 3 + 1] ?? 0;
    const b = rgb[i * 3 + 2] ?? 0;
    out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < ch; y += 1) {
    for (let x = 0; x < cw; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((y * 2 + dy) * width + x * 2 + dx) * 3;
        r += rgb[p] ?? 0;
        g += rgb[p + 1] ?? 0;
        b += rgb[p + 2] ?? 0;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const at = y * cw + x;
      out[ySize + at] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
      out[ySize + cw * ch + at] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
    }
  }
  return out;
}

/**
 * A .y4m video of a still photo for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): `YUV4MPEG2 W H F10:1 Ip A1:1 C420jpeg`, raw I420 frames.
 */
export async function writeY4m(path: string, photo: Buffer, options: Y4mOptions): Promise<void> {
  const { width, height } = options;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError('4:2:0 needs even dimensions');
  const rgb = await sharp(photo).resize({ width, height, fit: 'cover' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'latin1'), toI420(rgb, width, height)]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'latin1');
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: options.frames ?? 5 }, () => frame)]));
}
