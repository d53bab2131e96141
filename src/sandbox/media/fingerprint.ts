import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface ImageFingerprint {
  readonly sha256: string;
  // 64-bit difference hash as 16 hex digits.
  readonly dhash: string;
}

const maxInputPixels = 100_000_000;

// dHash: 9x8 greyscale, one bit per horizontal neighbour comparison. A stand-in for face
// matching that survives re-encoding and mild resizing; it is not face recognition.
async function differenceHash(bytes: Buffer): Promise<string> {
  const { data } = await sharp(bytes, { limitInputPixels: maxInputPixels })
    .rotate()
    .greyscale()
    .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let hash = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      const left = data[y * 9 + x] ?? 0;
      const right = data[y * 9 + x + 1] ?? 0;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

export async function fingerprint(bytes: Buffer): Promise<ImageFingerprint> {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), dhash: await differenceHash(bytes) };
}

export function hammingDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

export async function makeThumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: maxInputPixels })
    .rotate()
    .resize(256, 256, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}
