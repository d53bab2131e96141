import { confidentFaces, evaluateQuality } from '../../shared/domain/quality-checks.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import type { QualityAssessment } from '../../shared/domain/quality.js';
import { decodePixels, type PhotoPixels } from './decode.js';
import type { FaceDetector } from './face-detector.js';
import { measureFace } from './face-region.js';

/**
 * Every quality check on pixels already decoded (a prepared photo: preparePhoto), with no
 * decode of its own. Boxes are in the photo's own upright pixels.
 */
export async function assessPixels(
  detector: FaceDetector,
  photo: PhotoPixels,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): Promise<QualityAssessment> {
  const { width, height, image, scale } = photo.detection;
  const faces = confidentFaces(await detector.detect(image, scale), thresholds);
  const largest = faces[0];
  const stats = largest ? await measureFace(photo.pixels, largest) : null;
  const issues = evaluateQuality({ width, height, faces, stats }, thresholds);
  return { width, height, faces, stats, issues };
}

/** The same checks on a photo given as a file or encoded bytes (decoded once here). */
export async function assessPhoto(
  detector: FaceDetector,
  photo: Buffer | string,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): Promise<QualityAssessment> {
  return assessPixels(detector, await decodePixels(photo), thresholds);
}
