import sharp from 'sharp';
import { DETECTION_MAX_SIDE, detectionCopy, type DetectionCopy, type RawPixels } from '../images/pixels.js';

export { DETECTION_MAX_SIDE };
export type DetectionInput = DetectionCopy;

/** What the quality checks read: the full upright pixels and the detector's copy of them. */
export interface PhotoPixels {
  readonly pixels: RawPixels;
  readonly detection: DetectionInput;
}

/**
 * Upright 8-bit sRGB pixels of a photo that did not come through the pipeline (a JPEG,
 * PNG… or a path), transparency on white as the pipeline does, with the detection copy.
 */
export async function decodePixels(source: Buffer | string, maxSide = DETECTION_MAX_SIDE): Promise<PhotoPixels> {
  const { data, info } = await sharp(source)
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const pixels: RawPixels = { data, width: info.width, height: info.height, channels: info.channels };
  return { pixels, detection: await detectionCopy(pixels, maxSide) };
}

/** Upright RGB copy of a photo, fitted into DETECTION_MAX_SIDE. */
export async function decodeForDetection(source: Buffer | string, maxSide = DETECTION_MAX_SIDE): Promise<DetectionInput> {
  return (await decodePixels(source, maxSide)).detection;
}
