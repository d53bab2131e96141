import { confidentFaces, evaluateQuality } from '../../shared/domain/quality-checks.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import type { QualityAssessment } from '../../shared/domain/quality.js';
import { decodeForDetection } from './decode.js';
import type { FaceDetector } from './face-detector.js';
import { measureFace } from './face-region.js';

/**
 * Every quality check on one photo (normally the pipeline's output JPEG). Boxes are in the
 * photo's own upright pixels.
 */
export async function assessPhoto(
  detector: FaceDetector,
  photo: Buffer | string,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): Promise<QualityAssessment> {
  const input = await decodeForDetection(photo);
  const detected = await detector.detect(input.image, input.scale);
  const faces = confidentFaces(detected, thresholds);
  const largest = faces[0];
  const stats = largest ? await measureFace(photo, largest, input) : null;
  const issues = evaluateQuality({ width: input.width, height: input.height, faces, stats }, thresholds);
  return { width: input.width, height: input.height, faces, stats, issues };
}
