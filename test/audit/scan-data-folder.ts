import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOI = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Ciphertext holds a bare FF D8 FF xx by chance in ~4 % of runs over a few MB, so one
// signature is not proof. A real JPEG header is a chain of marker segments (APPn, DQT,
// SOF...) each FF, marker, 2-byte length; three valid links by chance is ~1e-14.
const SEGMENTS_FOR_JPEG = 3;

export interface Finding {
  readonly file: string;
  readonly what: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

function chainedSegments(bytes: Buffer, start: number): number {
  let segments = 0;
  let at = start + 2;
  while (segments < SEGMENTS_FOR_JPEG && at + 4 <= bytes.length) {
    const marker = bytes[at + 1]!;
    if (bytes[at] !== 0xff || marker < 0xc0 || marker > 0xfe || marker === 0xd8) return segments;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return segments;
    segments += 1;
    at += 2 + length;
  }
  return segments;
}

/** True when `bytes` holds a JPEG start whose marker segments chain like a real file's. */
export function holdsJpeg(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(SOI); at >= 0; at = bytes.indexOf(SOI, at + 1)) {
    if (chainedSegments(bytes, at) >= SEGMENTS_FOR_JPEG) return true;
  }
  return false;
}

/** Walks every byte under `dir` for photo signatures and for each of `texts` (UTF-8 and UTF-16LE). */
export function scanDataFolder(dir: string, texts: readonly string[]): readonly Finding[] {
  const found: Finding[] = [];
  for (const file of files(dir)) {
    const bytes = readFileSync(file);
    if (holdsJpeg(bytes)) found.push({ file, what: 'JPEG' });
    if (bytes.includes(PNG)) found.push({ file, what: 'PNG' });
    for (const text of texts) {
      if (bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'))) found.push({ file, what: text });
    }
  }
  return found;
}
