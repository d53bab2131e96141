/** What the first bytes of a file say it is, whatever its extension. */
export type SniffedFormat =
  | { readonly kind: 'supported'; readonly format: SupportedFormat }
  | { readonly kind: 'unsupported'; readonly format: UnsupportedFormat }
  | { readonly kind: 'unknown' };

export type SupportedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif';
export type UnsupportedFormat = 'heic' | 'svg' | 'bmp' | 'pdf' | 'psd' | 'jpeg2000' | 'jpegxl' | 'ico';

/** Bytes to read from the head of a file: enough for the ISO-BMFF brand list and an SVG prologue. */
export const SNIFF_BYTES = 1024;

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0): boolean =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

const ascii = (buf: Buffer, from: number, to: number): string => buf.subarray(from, to).toString('latin1');

/** HEIF containers name their codec in the ftyp brands; mif1/msf1 alone say nothing, so look at all brands. */
function sniffIsoBmff(head: Buffer): SniffedFormat {
  const boxSize = Math.min(head.readUInt32BE(0), head.length);
  const brands: string[] = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, at + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'supported', format: 'avif' };
  if (brands.some((b) => HEIC_BRANDS.has(b) || b === 'mif1' || b === 'msf1')) return { kind: 'unsupported', format: 'heic' };
  return { kind: 'unknown' };
}

function looksLikeSvg(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return (text.startsWith('<?xml') || text.startsWith('<svg') || text.startsWith('<!doctype svg')) && text.includes('<svg');
}

export function sniffFormat(head: Buffer): SniffedFormat {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'supported', format: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'supported', format: 'png' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'supported', format: 'webp' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { kind: 'supported', format: 'gif' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'supported', format: 'tiff' };
  }
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') return sniffIsoBmff(head);
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14) return { kind: 'unsupported', format: 'bmp' };
  if (ascii(head, 0, 5) === '%PDF-') return { kind: 'unsupported', format: 'pdf' };
  if (ascii(head, 0, 4) === '8BPS') return { kind: 'unsupported', format: 'psd' };
  if (startsWith(head, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(head, [0xff, 0x4f, 0xff, 0x51])) {
    return { kind: 'unsupported', format: 'jpeg2000' };
  }
  if (startsWith(head, [0xff, 0x0a]) || startsWith(head, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) {
    return { kind: 'unsupported', format: 'jpegxl' };
  }
  if (startsWith(head, [0x00, 0x00, 0x01, 0x00]) && head.length >= 6 && head.readUInt16LE(4) > 0) {
    return { kind: 'unsupported', format: 'ico' };
  }
  if (looksLikeSvg(head)) return { kind: 'unsupported', format: 'svg' };
  return { kind: 'unknown' };
}
