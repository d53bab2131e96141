import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/corpus.js';
import { holdsJpeg, scanDataFolder } from './scan-data-folder.js';

let temp: Awaited<ReturnType<typeof makeTempDir>> | null = null;
afterEach(async () => temp?.cleanup());

describe('scanDataFolder (the reset and retention tests rely on it)', () => {
  it('finds a JPEG and a PNG inside other bytes, and names in UTF-8 and UTF-16', async () => {
    temp = await makeTempDir('enroll-desk-scan-');
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } });
    mkdirSync(join(temp.dir, 'deep', 'er'), { recursive: true });
    writeFileSync(join(temp.dir, 'deep', 'er', 'a.bin'), Buffer.concat([Buffer.from('page header'), await image.clone().jpeg().toBuffer()]));
    writeFileSync(join(temp.dir, 'b.bin'), Buffer.concat([Buffer.alloc(100), await image.clone().png().toBuffer()]));
    writeFileSync(join(temp.dir, 'c.db'), Buffer.from('xx Rosamund yy', 'utf16le'));
    writeFileSync(join(temp.dir, 'clean.json'), '{"deskName":"desk 1"}');
    const found = scanDataFolder(temp.dir, ['Rosamund']).map((f) => f.what).sort();
    expect(found).toEqual(['JPEG', 'PNG', 'Rosamund']);
  });

  it('finds a real JPEG at any offset in random bytes, even with a thumbnail-sized EXIF header', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#345' } }).withMetadata().jpeg().toBuffer();
    for (const offset of [0, 1, 777, 4095]) {
      expect(holdsJpeg(Buffer.concat([randomBytes(offset), jpeg, randomBytes(300)]))).toBe(true);
    }
  });

  it('does not call a bare FF D8 FF E0 in ciphertext a JPEG (the chance signature that made the reset tests flaky)', () => {
    const noise = randomBytes(1 << 20);
    for (const at of [0, 5000, noise.length - 4]) Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(noise, at);
    expect(holdsJpeg(noise)).toBe(false);
    // One plausible segment after the signature is still chance, not a file.
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).copy(noise, 9000);
    expect(holdsJpeg(noise)).toBe(false);
  });
});
