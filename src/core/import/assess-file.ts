import type { QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import type { PhotoQuality } from '../../shared/domain/quality.js';
import type { CropRegion } from '../images/auto-crop.js';
import type { PhotoProcessor } from '../images/photo-processor.js';
import type { PreparedPhoto } from '../images/prepare-photo.js';
import type { PhotoResult } from '../images/process-photo.js';
import { assessPixels, planSourceCrop, toPhotoQuality, type FaceDetector } from '../quality/index.js';

export interface FileQuality {
  /** Absent when the pipeline refused the file (nothing to assess). */
  readonly quality?: PhotoQuality;
  /** The auto-crop applied to the source; enroll must process the file with the same crop. */
  readonly crop?: CropRegion;
  /** The pipeline's result for the file as it would be enrolled (cropped when `crop` is set), without its pixels. */
  readonly result: PhotoResult;
}

export interface AssessFileOptions {
  readonly detector: FaceDetector;
  readonly thresholds?: QualityThresholds | undefined;
  readonly signal?: AbortSignal | undefined;
}

const judge = async (photo: PreparedPhoto, options: AssessFileOptions): Promise<PhotoQuality> =>
  toPhotoQuality(await assessPixels(options.detector, photo, options.thresholds));

/**
 * One file of the dry run: decoded once (the processor's slot is free again before the
 * detector is awaited), judged on the pixels the JPEG was encoded from (what Oz receives).
 * A single small face is cropped around on the source (before the resize, keeping its
 * detail) when the source has pixels to spare: the crop is planned from the same
 * detection, and the kept region is decoded from the bytes already read — the only second
 * decode. The crop and its verdict then replace the whole photo's.
 */
export async function assessFile(processor: PhotoProcessor, path: string, options: AssessFileOptions): Promise<FileQuality> {
  const whole = await processor.prepare({ path }, options.signal, { thumbnail: false });
  if (!whole.ok) return { result: whole };
  const quality = await judge(whole, options);
  const crop = planSourceCrop(whole, quality);
  if (!crop) return { quality, result: whole.photo };
  const cropped = await processor.prepare({ bytes: whole.sourceBytes, source: whole.photo.source }, options.signal, { crop, thumbnail: false });
  if (!cropped.ok) return { quality, result: whole.photo };
  return { quality: await judge(cropped, options), crop, result: cropped.photo };
}
