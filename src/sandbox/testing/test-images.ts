import { randomInt } from 'node:crypto';
import sharp from 'sharp';

const columns = 9;
const rows = 8;

// Test photos made at run time: a 9x8 grid of random grey levels (neighbours at least 48
// apart) scaled up. Two calls differ completely, while re-encodings of one image keep the
// structure the 9x8 dHash reads, so the sandbox matcher's verdicts are not flaky.
export async function blockImage(format: 'jpeg' | 'png' = 'jpeg', size = 256): Promise<Buffer> {
  const cells = Buffer.alloc(columns * rows * 3);
  for (let y = 0; y < rows; y += 1) {
    let previous = -1000;
    for (let x = 0; x < columns; x += 1) {
      let level = randomInt(256);
      while (Math.abs(level - previous) < 48) level = randomInt(256);
      previous = level;
      cells.fill(level, (y * columns + x) * 3, (y * columns + x) * 3 + 3);
    }
  }
  const image = sharp(cells, { raw: { width: columns, height: rows, channels: 3 } }).resize(size, size, {
    kernel: 'nearest',
    fit: 'fill',
  });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

// Same picture, different bytes: re-encoded smaller at a lower quality.
export async function reencoded(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).resize(200, 200).jpeg({ quality: 55 }).toBuffer();
}

export async function imageOfBytes(sizeBytes: number): Promise<Buffer> {
  const head = await blockImage('jpeg', 32);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, sizeBytes - head.length))]);
}
