import type { FaceBox, PhotoQuality } from '../../shared/domain/quality.js';
import { planAutoCrop, type AutoCropOptions, type CropRegion, type ImageSize } from '../images/auto-crop.js';

/** A prepared photo's sizes: the fitted image the face was found on, and its upright source. */
export interface PreparedSizes {
  readonly pixels: ImageSize;
  readonly sourceSize: ImageSize;
}

const toSource = (box: FaceBox, sizes: PreparedSizes): FaceBox => {
  const sx = sizes.sourceSize.width / sizes.pixels.width;
  const sy = sizes.sourceSize.height / sizes.pixels.height;
  return { x: box.x * sx, y: box.y * sy, width: box.width * sx, height: box.height * sy };
};

/**
 * The auto-crop on the upright source (null: keep the whole photo), planned from the face
 * the quality check found on the prepared copy, so the source is not decoded again to plan
 * it. Only a photo with exactly one face is cropped; several faces are the operator's
 * choice. Pass the result to the pipeline as `{ crop }`.
 */
export function planSourceCrop(sizes: PreparedSizes, quality: Pick<PhotoQuality, 'faceCount' | 'face'>, options: AutoCropOptions = {}): CropRegion | null {
  if (quality.faceCount !== 1 || !quality.face) return null;
  return planAutoCrop(sizes.sourceSize, toSource(quality.face.box, sizes), options);
}
