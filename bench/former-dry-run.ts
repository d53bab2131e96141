import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DEFAULT_PHOTO_LIMITS as L } from '../src/core/images/photo-limits.js';
import type { FaceDetector } from '../src/core/quality/face-detector.js';
import { clipBox } from '../src/core/quality/face-region.js';
import { confidentFaces, evaluateQuality } from '../src/shared/domain/quality-checks.js';
import { faceStats, measureRegion, STATS_REGION_WIDTH, toGrey } from '../src/shared/domain/quality-stats.js';
import { DEFAULT_QUALITY_THRESHOLDS } from '../src/shared/domain/quality-thresholds.js';
import type { FaceBox, QualityIssue } from '../src/shared/domain/quality.js';

// The dry-run step as it was before one decode per photo (kept here only to be measured
// against): the source decoded for the JPEG, the JPEG decoded again (metadata, detection
// copy) and twice more for the face regions.

async function formerProcess(path: string): Promise<Buffer> {
  const options = { limitInputPixels: L.maxInputPixels, failOn: 'truncated' as const };
  await sharp(path, options).metadata();
  const jpeg = await sharp(path, options)
    .autoOrient()
    .resize({ width: L.maxSide, height: L.maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: L.quality })
    .toBuffer();
  createHash('sha256').update(jpeg).digest('hex');
  return jpeg;
}

async function formerRegion(jpeg: Buffer, box: FaceBox, width: number, height: number) {
  const region = clipBox(box, width, height);
  if (!region) return null;
  const { data, info } = await sharp(jpeg).autoOrient().extract(region).resize({ width: STATS_REGION_WIDTH, kernel: 'cubic' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return measureRegion(toGrey(new Uint8Array(data.buffer, data.byteOffset, data.length), 3), info.width, info.height);
}

async function formerAssess(detector: FaceDetector, jpeg: Buffer): Promise<readonly QualityIssue[]> {
  const { width, height } = (await sharp(jpeg).metadata()).autoOrient;
  const { data, info } = await sharp(jpeg)
    .autoOrient()
    .resize({ width: 640, height: 640, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  const faces = confidentFaces(await detector.detect(image, width / info.width), DEFAULT_QUALITY_THRESHOLDS);
  const face = faces[0];
  const [box, extent] = face ? await Promise.all([formerRegion(jpeg, face.box, width, height), formerRegion(jpeg, face.extent, width, height)]) : [null, null];
  const stats = box && extent ? faceStats(box, extent) : null;
  return evaluateQuality({ width, height, faces, stats }, DEFAULT_QUALITY_THRESHOLDS);
}

/** The former step for one file; `slot` is the photo limiter the pipeline part ran under. */
export async function formerDryRunStep(detector: FaceDetector, path: string, slot: <T>(task: () => Promise<T>) => Promise<T>): Promise<readonly QualityIssue[]> {
  const jpeg = await slot(() => formerProcess(path));
  return formerAssess(detector, jpeg);
}
