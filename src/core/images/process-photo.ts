import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { orientationTagFor, type OrientationTag } from '../../shared/domain/tags.js';
import type { CropRegion } from './auto-crop.js';
import { refuse, type PhotoRefusal } from './refusal.js';
import { SNIFF_BYTES, sniffFormat, type SupportedFormat, type UnsupportedFormat } from './sniff.js';

export type PhotoInput = { readonly bytes: Buffer } | { readonly path: string };

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
}

export type PhotoResult = ProcessedPhoto | PhotoRefusal;

/** Optional steps before the resize. */
export interface PhotoSteps {
  /** Region of the upright source to keep (planAutoCrop in auto-crop.ts). */
  readonly crop?: CropRegion;
  /** False skips the thumbnail (about a fifth of the work on a camera photo). */
  readonly thumbnail?: boolean;
}

export interface PhotoLimits {
  readonly maxFileBytes: number;
  readonly maxInputPixels: number;
  readonly minShortSide: number;
  readonly maxSide: number;
  readonly quality: number;
  readonly thumbnailSize: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInputPixels: 100_000_000,
  minShortSide: 480,
  maxSide: 1920,
  quality: 90,
  thumbnailSize: 256,
};

const MB = 1024 * 1024;

const UNSUPPORTED_MESSAGES: Readonly<Record<UnsupportedFormat, string>> = {
  heic: "HEIC photos (iPhone) are not supported: export as JPEG, or set the iPhone camera to 'Most Compatible'.",
  svg: 'SVG files are vector drawings, not photos: use a camera photo (JPEG or PNG).',
  bmp: 'BMP images are not supported: save the photo as JPEG or PNG.',
  pdf: 'PDF documents are not photos: export the page as a JPEG or PNG image.',
  psd: 'Photoshop (PSD) files are not supported: export the photo as JPEG.',
  jpeg2000: 'JPEG 2000 images are not supported: save the photo as a regular JPEG.',
  jpegxl: 'JPEG XL images are not supported: save the photo as a regular JPEG.',
  ico: 'Icon (ICO) files are not photos: use a camera photo (JPEG or PNG).',
};

type Loaded =
  | { readonly ok: true; readonly source: Buffer | string; readonly head: Buffer }
  | PhotoRefusal;

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'The file (or the file its shortcut points to) no longer exists: it was moved or deleted.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: this account may not read the file.';
    case 'ELOOP':
      return 'The file is a shortcut (symbolic link) that points back to itself.';
    default:
      return `The file could not be read (${code ?? 'unknown error'}).`;
  }
}

function checkSize(size: number, limits: PhotoLimits): PhotoRefusal | null {
  if (size === 0) return refuse('empty_file', 'The file is empty (0 bytes): the copy or download probably failed.');
  if (size > limits.maxFileBytes) {
    return refuse(
      'too_large_file',
      `The file is ${(size / MB).toFixed(1)} MB; photos over ${limits.maxFileBytes / MB} MB are refused. Use a normal camera photo.`,
    );
  }
  return null;
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Size is checked with stat before anything is read, so a huge file costs nothing. */
async function load(input: PhotoInput, limits: PhotoLimits): Promise<Loaded> {
  if ('bytes' in input) {
    return checkSize(input.bytes.length, limits) ?? { ok: true, source: input.bytes, head: input.bytes.subarray(0, SNIFF_BYTES) };
  }
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) return refuse('unreadable', 'This is a folder, not a photo file.');
    // FIFOs, sockets and devices would block or never end: refuse without opening them.
    if (!info.isFile()) return refuse('unreadable', 'This is not a regular file (a pipe, socket or device), so it cannot be read as a photo.');
    const sizeRefusal = checkSize(info.size, limits);
    if (sizeRefusal) return sizeRefusal;
    return { ok: true, source: input.path, head: await readHead(input.path) };
  } catch (err) {
    return refuse('unreadable', describeFsError(err));
  }
}

function classifyDecodeError(err: unknown, limits: PhotoLimits): PhotoRefusal {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return refuse(
      'pixel_bomb',
      `The image declares more than ${limits.maxInputPixels / 1_000_000} megapixels; it is refused to protect this computer's memory.`,
    );
  }
  return refuse('truncated', 'The file is damaged or incomplete (for example an interrupted copy), so the photo cannot be decoded.');
}

const orientedSize = (meta: Metadata): { width: number; height: number } => {
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  // EXIF orientations 5..8 are transposed (rotated by 90 or 270 degrees).
  return (meta.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
};

function checkDimensions(meta: Metadata, limits: PhotoLimits): PhotoRefusal | null {
  if ((meta.pages ?? 1) > 1) {
    return refuse('animated', 'Animated or multi-page images are refused: save the single frame that shows the person as a JPEG.');
  }
  const { width, height } = orientedSize(meta);
  const shortSide = Math.min(width, height);
  if (shortSide < limits.minShortSide) {
    return refuse(
      'too_small',
      `The photo is only ${width}×${height} px; its shorter side must be at least ${limits.minShortSide} px. Use the original photo, not a thumbnail.`,
    );
  }
  const scale = Math.min(1, limits.maxSide / Math.max(width, height));
  if (Math.floor(shortSide * scale) < limits.minShortSide) {
    return refuse(
      'too_small',
      `The photo is ${width}×${height} px, too narrow: once fitted into ${limits.maxSide} px its shorter side would be under ${limits.minShortSide} px.`,
    );
  }
  return null;
}

function describeChanges(meta: Metadata, format: SupportedFormat, out: { width: number; height: number }): string[] {
  const notes: string[] = [];
  const oriented = orientedSize(meta);
  if ((meta.orientation ?? 1) > 1) notes.push("Turned upright using the camera's orientation tag.");
  if (oriented.width !== out.width || oriented.height !== out.height) {
    notes.push(`Reduced from ${oriented.width}×${oriented.height} to ${out.width}×${out.height} px.`);
  }
  if (format !== 'jpeg') notes.push(`Converted from ${format.toUpperCase()} to JPEG.`);
  if (meta.space === 'cmyk') notes.push('Converted from CMYK (print) colours to sRGB.');
  if (meta.depth !== undefined && meta.depth !== 'uchar' && meta.depth !== 'char') notes.push('Converted from 16-bit to 8-bit colour.');
  if (meta.hasAlpha) notes.push('Transparent areas filled with white.');
  const stripped = [meta.exif && 'EXIF (camera data, GPS location)', meta.xmp && 'XMP', meta.iptc && 'IPTC', meta.icc && 'colour profile'].filter(
    (s): s is string => typeof s === 'string',
  );
  if (stripped.length > 0) notes.push(`Removed embedded metadata: ${stripped.join(', ')}.`);
  return notes;
}

/**
 * Turns one file into the JPEG sent to Oz, or says plainly why it cannot be used.
 * Output: upright, fitted inside maxSide (never enlarged), sRGB 8-bit, JPEG q90, with no
 * metadata at all (sharp writes none unless asked), plus a thumbnail and the output hash.
 * Animated images are refused rather than silently reduced to their first frame: the first
 * frame is rarely the one that shows the face best, so the operator chooses.
 */
export async function processPhoto(input: PhotoInput, options: Partial<PhotoLimits> = {}, steps: PhotoSteps = {}): Promise<PhotoResult> {
  const limits: PhotoLimits = { ...DEFAULT_PHOTO_LIMITS, ...options };
  const loaded = await load(input, limits);
  if (!loaded.ok) return loaded;

  const sniffed = sniffFormat(loaded.head);
  if (sniffed.kind === 'unknown') {
    return refuse('not_an_image', 'This file is not an image (its content is not JPEG, PNG, WebP, GIF, TIFF or AVIF), whatever its name says.');
  }
  if (sniffed.kind === 'unsupported') return refuse('unsupported_format', UNSUPPORTED_MESSAGES[sniffed.format]);

  const sharpOptions = { limitInputPixels: limits.maxInputPixels, failOn: 'truncated' as const };
  let meta: Metadata;
  try {
    meta = await sharp(loaded.source, sharpOptions).metadata();
  } catch (err) {
    return classifyDecodeError(err, limits);
  }
  const dimensionRefusal = checkDimensions(meta, limits);
  if (dimensionRefusal) return dimensionRefusal;

  try {
    const upright = sharp(loaded.source, sharpOptions).autoOrient();
    if (steps.crop) upright.extract(steps.crop);
    const { data: jpeg, info } = await upright
      .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: limits.quality })
      .toBuffer({ resolveWithObject: true });
    const thumbnail =
      steps.thumbnail === false
        ? null
        : await sharp(jpeg)
            .resize({ width: limits.thumbnailSize, height: limits.thumbnailSize, fit: 'inside', withoutEnlargement: true })
            .jpeg({ quality: 80 })
            .toBuffer();
    const size = { width: info.width, height: info.height };
    return {
      ok: true,
      jpeg,
      thumbnail,
      sha256: createHash('sha256').update(jpeg).digest('hex'),
      ...size,
      sourceFormat: sniffed.format,
      orientationTag: orientationTagFor(size),
      notes: [...(steps.crop ? ['Cropped around the face.'] : []), ...describeChanges(meta, sniffed.format, size)],
    };
  } catch (err) {
    return classifyDecodeError(err, limits);
  }
}
