import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// A JPEG starts FF D8 FF then a marker (APPn, DQT, SOF); a PNG has an 8-byte signature.
const JPEG = /\xff\xd8\xff[\xc0-\xfe]/;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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

/** Walks every byte under `dir` for photo signatures and for each of `texts` (UTF-8 and UTF-16LE). */
export function scanDataFolder(dir: string, texts: readonly string[]): readonly Finding[] {
  const found: Finding[] = [];
  for (const file of files(dir)) {
    const bytes = readFileSync(file);
    if (JPEG.test(bytes.toString('latin1'))) found.push({ file, what: 'JPEG' });
    if (bytes.includes(PNG)) found.push({ file, what: 'PNG' });
    for (const text of texts) {
      if (bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'))) found.push({ file, what: text });
    }
  }
  return found;
}
