import sharp, { type Sharp } from 'sharp';

/** Decoded pixels, 8-bit, `channels` bytes per pixel, row by row (the pipeline's are upright sRGB RGB). */
export interface RawPixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** Detection runs on a copy this size: blazeface looks at 256 px anyway. */
export const DETECTION_MAX_SIDE = 640;

/** The small RGB copy the face detector reads, and how it maps onto the full image. */
export interface DetectionCopy {
  /** 3 bytes per pixel, row by row. */
  readonly image: { readonly rgb: Uint8Array; readonly width: number; readonly height: number };
  /** Multiply detection boxes by this to get pixels of the full (upright) image. */
  readonly scale: number;
  /** The full upright image. */
  readonly width: number;
  readonly height: number;
}

/** A sharp pipeline over pixels already decoded: no file is read or decoded again. */
export const fromPixels = (pixels: RawPixels): Sharp =>
  sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels as 1 | 2 | 3 | 4 } });

export async function detectionCopy(pixels: RawPixels, maxSide = DETECTION_MAX_SIDE): Promise<DetectionCopy> {
  const { data, info } = await fromPixels(pixels)
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    image: { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height },
    scale: pixels.width / info.width,
    width: pixels.width,
    height: pixels.height,
  };
}
