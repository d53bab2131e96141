import type { QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import type { PhotoQuality } from '../../shared/domain/quality.js';
import type { CropRegion } from '../images/auto-crop.js';
import type { PhotoProcessor } from '../images/photo-processor.js';
import type { PhotoResult } from '../images/process-photo.js';
import { assessPhoto, planSourceCrop, toPhotoQuality, type FaceDetector } from '../quality/index.js';

/** A face under this share of the frame is worth cropping around (planAutoCrop's own limit). */
const AUTO_CROP_FACE_AREA = 0.1;

export interface FileQuality {
  readonly quality: PhotoQuality;
  /** The auto-crop applied to the source; enroll must process the file with the same crop. */
  readonly crop?: CropRegion;
  /** The pipeline's result for the file as it would be enrolled (cropped when `crop` is set). */
  readonly result: PhotoResult;
}

export interface AssessFileOptions {
  readonly detector: FaceDetector;
  readonly thresholds?: QualityThresholds | undefined;
  readonly signal?: AbortSignal | undefined;
}

const faceShare = (q: PhotoQuality, width: number, height: number): number =>
  q.face ? (q.face.box.width * q.face.box.height) / (width * height) : 0;

/**
 * Quality of one processed file, checked on the pipeline's output JPEG (what Oz receives).
 * A single small face is cropped around on the source (before the resize, keeping its
 * detail) when the source has pixels to spare; the crop and its verdict then replace the
 * whole photo's. Detection runs only on files the pipeline accepted.
 */
export async function assessFile(processor: PhotoProcessor, path: string, processed: PhotoResult, options: AssessFileOptions): Promise<FileQuality | null> {
  if (!processed.ok) return null;
  const quality = toPhotoQuality(await assessPhoto(options.detector, processed.jpeg, options.thresholds));
  if (quality.faceCount !== 1 || faceShare(quality, processed.width, processed.height) >= AUTO_CROP_FACE_AREA) return { quality, result: processed };
  const crop = await planSourceCrop(options.detector, path, options.thresholds ? { thresholds: options.thresholds } : {});
  if (!crop) return { quality, result: processed };
  const cropped = await processor.process({ path }, options.signal, { crop, thumbnail: false });
  if (!cropped.ok) return { quality, result: processed };
  return { quality: toPhotoQuality(await assessPhoto(options.detector, cropped.jpeg, options.thresholds)), crop, result: cropped };
}
