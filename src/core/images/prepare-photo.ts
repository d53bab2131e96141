import type { PhotoInput } from './load-source.js';
import type { PhotoLimits } from './photo-limits.js';
import { detectionCopy, type DetectionCopy } from './pixels.js';
import { decodePhoto, type DecodedPhoto, type PhotoSteps } from './process-photo.js';
import type { PhotoRefusal } from './refusal.js';

/** Everything the dry run needs from one photo, from one decode of its source. */
export interface PreparedPhoto extends DecodedPhoto {
  /** The ≤ 640 px RGB copy for the face detector, made from the same pixels. */
  readonly detection: DetectionCopy;
}

export type PreparedResult = PreparedPhoto | PhotoRefusal;

/**
 * processPhoto plus the detection copy, keeping the decoded pixels for the quality checks.
 * The caller drops `pixels` and `sourceBytes` once the photo is assessed (about 8 MB for a
 * 1920×1440 photo), so memory stays bounded by the photos in flight.
 */
export async function preparePhoto(input: PhotoInput, options: Partial<PhotoLimits> = {}, steps: PhotoSteps = {}): Promise<PreparedResult> {
  const decoded = await decodePhoto(input, options, steps, true);
  if (!decoded.ok) return decoded;
  return { ...decoded, detection: decoded.detection ?? (await detectionCopy(decoded.pixels)) };
}
