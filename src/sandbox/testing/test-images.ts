import { randomInt } from 'node:crypto';
import sharp from 'sharp';

// Test photos made at run time: an 8x8 grid of random colours scaled up, so two calls
// differ completely while re-encodings of one image keep the same structure.
export async function blockImage(format: 'jpeg' | 'png' = 'jpeg', size = 256): Promise<Buffer> {
  const cells = Buffer.alloc(8 * 8 * 3);
  for (let i = 0; i < cells.length; i += 1) cells[i] = randomInt(256);
  const image = sharp(cells, { raw: { width: 8, height: 8, channels: 3 } }).resize(size, size, { kernel: 'nearest' });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

// Same picture, different bytes: re-encoded smaller at a lower quality.
export async function reencoded(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).resize(224, 224).jpeg({ quality: 70 }).toBuffer();
}

export async function imageOfBytes(sizeBytes: number): Promise<Buffer> {
  const head = await blockImage('jpeg', 32);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, sizeBytes - head.length))]);
}
