import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { orientationTagFor, type OrientationTag } from '../../shared/domain/tags.js';
import type { CropRegion, ImageSize } from './auto-crop.js';
import { loadSource, type PhotoInput, type SourceFingerprint } from './load-source.js';
import { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './photo-limits.js';
import { detectionCopy, fromPixels, type DetectionCopy, type RawPixels } from './pixels.js';
import type { PhotoRefusal } from './refusal.js';
import type { SupportedFormat } from './sniff.js';
import { checkDimensions, checkFormat, classifyDecodeError, describeChanges, orientedSize } from './source-checks.js';

// Callers of the pipeline import its input and limits from here too.
export { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './photo-limits.js';
export type { PhotoInput, SourceFingerprint } from './load-source.js';

export interface ProcessedPhoto {
  readonly ok: true;
  readonly jpeg: Buffer;
  /** Null when the caller asked for none (the import dry run makes it at enroll time). */
  readonly thumbnail: Buffer | null;
  /** Hex SHA-256 of `jpeg`: the identity used for duplicate detection. */
  readonly sha256: string;
  readonly width: number;
  readonly height: number;
  readonly sourceFormat: SupportedFormat;
  readonly orientationTag: OrientationTag;
  readonly notes: readonly string[];
  /** The source as it was read, to tell later whether the file changed. */
  readonly source: SourceFingerprint;
}

export type PhotoResult = ProcessedPhoto | PhotoRefusal;

/** Optional steps before the resize. */
export interface PhotoSteps {
  /** Region of the upright source to keep (planAutoCrop in auto-crop.ts). */
  readonly crop?: CropRegion;
  /** False skips the thumbnail (about a fifth of the work on a camera photo). */
  readonly thumbnail?: boolean;
}

/** One decode of the source and everything made from it; pixels and bytes are the caller's to drop. */
export interface DecodedPhoto {
  readonly ok: true;
  readonly photo: ProcessedPhoto;
  /** The upright, fitted, flattened sRGB pixels the JPEG was encoded from. */
  readonly pixels: RawPixels;
  /** The upright source's size (the crop's coordinates). */
  readonly sourceSize: ImageSize;
  /** The file's bytes as read, so an auto-crop needs no second read. */
  readonly sourceBytes: Buffer;
  /** The ≤ 640 px RGB copy for the face detector (null unless asked for). */
  readonly detection: DetectionCopy | null;
}

interface Encoded {
  readonly jpeg: Buffer;
  readonly thumbnail: Buffer | null;
  readonly detection: DetectionCopy | null;
}

/** Everything made from the pixels, side by side (sharp runs them on its own threads). */
async function encode(pixels: RawPixels, limits: PhotoLimits, steps: PhotoSteps, detection: boolean): Promise<Encoded> {
  // The same bytes as encoding straight from the source pipeline (checked by process-photo.test.ts).
  const jpeg = fromPixels(pixels).jpeg({ quality: limits.quality }).toBuffer();
  const thumbnail =
    steps.thumbnail === false
      ? null
      : fromPixels(pixels)
          .resize({ width: limits.thumbnailSize, height: limits.thumbnailSize, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 80 })
          .toBuffer();
  const copy = detection ? detectionCopy(pixels) : null;
  return { jpeg: await jpeg, thumbnail: await thumbnail, detection: await copy };
}

/**
 * The pipeline: reads the source once, decodes it once into upright, fitted (never
 * enlarged) 8-bit sRGB pixels with transparency on white, and encodes those as JPEG q90
 * with no metadata at all (sharp writes none unless asked), plus the thumbnail and the
 * output hash. Animated images are refused rather than silently reduced to their first
 * frame: the first frame is rarely the one that shows the face best, so the operator chooses.
 */
export async function decodePhoto(
  input: PhotoInput,
  options: Partial<PhotoLimits> = {},
  steps: PhotoSteps = {},
  detection = false,
): Promise<DecodedPhoto | PhotoRefusal> {
  const limits: PhotoLimits = { ...DEFAULT_PHOTO_LIMITS, ...options };
  const loaded = await loadSource(input, limits);
  if (!loaded.ok) return loaded;
  const format = checkFormat(loaded.bytes);
  if ('ok' in format) return format;

  try {
    const image = sharp(loaded.bytes, { limitInputPixels: limits.maxInputPixels, failOn: 'truncated' });
    const meta = await image.metadata();
    const dimensionRefusal = checkDimensions(meta, limits);
    if (dimensionRefusal) return dimensionRefusal;
    image.autoOrient();
    if (steps.crop) image.extract(steps.crop);
    const { data, info } = await image
      .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const pixels: RawPixels = { data, width: info.width, height: info.height, channels: info.channels };
    const { jpeg, thumbnail, detection: copy } = await encode(pixels, limits, steps, detection);
    const size = { width: info.width, height: info.height };
    const photo: ProcessedPhoto = {
      ok: true,
      jpeg,
      thumbnail,
      sha256: createHash('sha256').update(jpeg).digest('hex'),
      ...size,
      sourceFormat: format.format,
      orientationTag: orientationTagFor(size),
      notes: [...(steps.crop ? ['Cropped around the face.'] : []), ...describeChanges(meta, format.format, size)],
      source: loaded.source,
    };
    return { ok: true, photo, pixels, sourceSize: orientedSize(meta), sourceBytes: loaded.bytes, detection: copy };
  } catch (err) {
    return classifyDecodeError(err, limits);
  }
}

/** Turns one file into the JPEG sent to Oz, or says plainly why it cannot be used. */
export async function processPhoto(input: PhotoInput, options: Partial<PhotoLimits> = {}, steps: PhotoSteps = {}): Promise<PhotoResult> {
  const decoded = await decodePhoto(input, options, steps);
  return decoded.ok ? decoded.photo : decoded;
}
