import type { Metadata } from 'sharp';
import type { ImageSize } from './auto-crop.js';
import type { PhotoLimits } from './photo-limits.js';
import { refuse, type PhotoRefusal } from './refusal.js';
import { SNIFF_BYTES, sniffFormat, type SupportedFormat, type UnsupportedFormat } from './sniff.js';

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

/** The format the file's first bytes say it is, or why it is no photo the desk can read. */
export function checkFormat(bytes: Buffer): { readonly format: SupportedFormat } | PhotoRefusal {
  const sniffed = sniffFormat(bytes.subarray(0, SNIFF_BYTES));
  if (sniffed.kind === 'unknown') {
    return refuse('not_an_image', 'This file is not an image (its content is not JPEG, PNG, WebP, GIF, TIFF or AVIF), whatever its name says.');
  }
  if (sniffed.kind === 'unsupported') return refuse('unsupported_format', UNSUPPORTED_MESSAGES[sniffed.format]);
  return { format: sniffed.format };
}

export function classifyDecodeError(err: unknown, limits: PhotoLimits): PhotoRefusal {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return refuse(
      'pixel_bomb',
      `The image declares more than ${limits.maxInputPixels / 1_000_000} megapixels; it is refused to protect this computer's memory.`,
    );
  }
  return refuse('truncated', 'The file is damaged or incomplete (for example an interrupted copy), so the photo cannot be decoded.');
}

/** The source's size once turned upright. */
export const orientedSize = (meta: Metadata): ImageSize => {
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  // EXIF orientations 5..8 are transposed (rotated by 90 or 270 degrees).
  return (meta.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
};

export function checkDimensions(meta: Metadata, limits: PhotoLimits): PhotoRefusal | null {
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

export function describeChanges(meta: Metadata, format: SupportedFormat, out: ImageSize): string[] {
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
