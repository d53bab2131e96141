import sharp from 'sharp';
import type { RgbImage } from './face-detector.js';

/** Detection runs on a copy this size: blazeface looks at 256 px anyway, and decoding shrinks on load. */
export const DETECTION_MAX_SIDE = 640;

export interface DetectionInput {
  readonly image: RgbImage;
  /** Multiply detection boxes by this to get pixels of the full (upright) image. */
  readonly scale: number;
  /** The full upright image. */
  readonly width: number;
  readonly height: number;
}

/** Upright RGB copy of a photo (JPEG, PNG… or a path), fitted into DETECTION_MAX_SIDE. */
export async function decodeForDetection(source: Buffer | string, maxSide = DETECTION_MAX_SIDE): Promise<DetectionInput> {
  const { width, height } = (await sharp(source).metadata()).autoOrient;
  const { data, info } = await sharp(source)
    .autoOrient()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    image: { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height },
    scale: width / info.width,
    width,
    height,
  };
}
