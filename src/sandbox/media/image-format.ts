export type ImageMime = 'image/jpeg' | 'image/png';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Decided from the magic bytes: a declared Content-Type proves nothing.
export function sniffImageMime(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) return 'image/png';
  return null;
}

export const extensionOf = (mime: ImageMime): string => (mime === 'image/png' ? 'png' : 'jpg');
