import { confidentFaces } from '../../shared/domain/quality-checks.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import { planAutoCrop, type AutoCropOptions, type CropRegion } from '../images/auto-crop.js';
import { decodeForDetection } from './decode.js';
import type { FaceDetector } from './face-detector.js';

/**
 * Detects the face on the original file and plans the auto-crop (null: keep the whole
 * photo). Only a photo with exactly one face is cropped; several faces are the operator's
 * choice. Pass the result to processPhoto(input, limits, { crop }).
 */
export async function planSourceCrop(
  detector: FaceDetector,
  source: Buffer | string,
  options: AutoCropOptions & { readonly thresholds?: QualityThresholds } = {},
): Promise<CropRegion | null> {
  const input = await decodeForDetection(source);
  const faces = confidentFaces(await detector.detect(input.image, input.scale), options.thresholds ?? DEFAULT_QUALITY_THRESHOLDS);
  const [face, ...others] = faces;
  if (!face || others.length > 0) return null;
  return planAutoCrop(input, face.box, options);
}
