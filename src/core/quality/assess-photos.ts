import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import type { PhotoQuality, QualityAssessment } from '../../shared/domain/quality.js';
import { assessPhoto } from './assess-photo.js';
import type { FaceDetector } from './face-detector.js';

export interface PhotoToAssess {
  /** The caller's key (e.g. the file path in an import report). */
  readonly key: string;
  /** The pipeline's output JPEG (or a path to it). */
  readonly photo: Buffer | string;
}

export interface AssessPhotosOptions {
  readonly thresholds?: QualityThresholds;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export const toPhotoQuality = (a: QualityAssessment): PhotoQuality => ({
  passed: a.issues.length === 0,
  issues: a.issues,
  faceCount: a.faces.length,
  face: a.faces[0] ?? null,
});

/**
 * The import dry run's quality step: one verdict per accepted photo, in order. Photos go
 * through the single detector one at a time; a cancelled run returns what it finished.
 */
export async function assessPhotos(
  detector: FaceDetector,
  photos: readonly PhotoToAssess[],
  options: AssessPhotosOptions = {},
): Promise<ReadonlyMap<string, PhotoQuality>> {
  const thresholds = options.thresholds ?? DEFAULT_QUALITY_THRESHOLDS;
  const out = new Map<string, PhotoQuality>();
  for (const item of photos) {
    if (options.signal?.aborted) break;
    out.set(item.key, toPhotoQuality(await assessPhoto(detector, item.photo, thresholds)));
    options.onProgress?.(out.size, photos.length);
  }
  return out;
}
