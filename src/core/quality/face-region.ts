import type { FaceBox, FaceDetection, FaceRegionStats } from '../../shared/domain/quality.js';
import { faceStats, measureRegion, STATS_REGION_WIDTH, toGrey } from '../../shared/domain/quality-stats.js';
import { fromPixels, type RawPixels } from '../images/pixels.js';

/** The box clipped to the image, in whole pixels; null when nothing of it is inside. */
export function clipBox(box: FaceBox, width: number, height: number): { left: number; top: number; width: number; height: number } | null {
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const right = Math.min(width, Math.ceil(box.x + box.width));
  const bottom = Math.min(height, Math.ceil(box.y + box.height));
  if (right - left < 2 || bottom - top < 2) return null;
  return { left, top, width: right - left, height: bottom - top };
}

async function measureBox(pixels: RawPixels, box: FaceBox): Promise<FaceRegionStats | null> {
  const region = clipBox(box, pixels.width, pixels.height);
  if (!region) return null;
  const { data, info } = await fromPixels(pixels)
    .extract(region)
    .resize({ width: STATS_REGION_WIDTH, kernel: 'cubic' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Grey computed by toGrey, as in the renderer, so both sides measure the same numbers.
  return measureRegion(toGrey(new Uint8Array(data.buffer, data.byteOffset, data.length), 3), info.width, info.height);
}

/**
 * Sharpness of the detector's box and light of the face's own extent (see faceStats), each
 * region scaled to STATS_REGION_WIDTH wide, measured on pixels already decoded. Null when
 * the face lies outside the photo.
 */
export async function measureFace(pixels: RawPixels, face: Pick<FaceDetection, 'box' | 'extent'>): Promise<FaceRegionStats | null> {
  const [box, extent] = await Promise.all([measureBox(pixels, face.box), measureBox(pixels, face.extent)]);
  return box && extent ? faceStats(box, extent) : null;
}
