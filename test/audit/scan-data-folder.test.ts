import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/corpus.js';
import { scanDataFolder } from './scan-data-folder.js';

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
});
