import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { blockImage, reencoded } from '../testing/test-images.js';
import { fingerprint, hammingDistance } from './fingerprint.js';
import { findMatches, maxHammingDistance, similarity } from './matcher.js';

describe('hammingDistance', () => {
  it('counts differing bits of two 64-bit hex hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000001')).toBe(5);
  });
});

describe('similarity', () => {
  it('is 1 for identical bytes, high for a re-encoded copy, null for another image', async () => {
    const photo = await blockImage();
    const a = await fingerprint(photo);
    expect(similarity(a, await fingerprint(photo))).toBe(1);
    const copy = await fingerprint(await reencoded(photo));
    expect(copy.sha256).not.toBe(a.sha256);
    expect(hammingDistance(a.dhash, copy.dhash)).toBeLessThanOrEqual(maxHammingDistance);
    expect(similarity(a, copy)).toBeGreaterThan(0.85);
    expect(similarity(a, await fingerprint(await blockImage()))).toBeNull();
  });

  it('matches a PNG and a JPEG of the same picture', async () => {
    const png = await blockImage('png');
    const jpeg = await sharp(png).jpeg({ quality: 70 }).toBuffer();
    expect(similarity(await fingerprint(png), await fingerprint(jpeg))).not.toBeNull();
  });

  it('applies the threshold exactly at the Hamming limit', () => {
    const probe = { sha256: 'a', dhash: '0000000000000000' };
    expect(similarity(probe, { sha256: 'b', dhash: '000000000000003f' })).toBeCloseTo(1 - 6 / 64, 4);
    expect(similarity(probe, { sha256: 'b', dhash: '000000000000007f' })).toBeNull();
  });
});

describe('findMatches', () => {
  it('returns each matching person once, with the best photo, best first', () => {
    const probe = { media_id: 'm1', sha256: 's', dhash: '0000000000000000' };
    const matches = findMatches(
      [probe],
      [
        { person_id: 'p1', person_image_id: 'i1', sha256: 'x', dhash: '0000000000000003' },
        { person_id: 'p1', person_image_id: 'i2', sha256: 's', dhash: 'ffffffffffffffff' },
        { person_id: 'p2', person_image_id: 'i3', sha256: 'y', dhash: '0000000000000001' },
        { person_id: 'p3', person_image_id: 'i4', sha256: 'z', dhash: 'ffff000000000000' },
      ],
    );
    expect(matches.map((m) => [m.person_id, m.person_image_id])).toEqual([
      ['p1', 'i2'],
      ['p2', 'i3'],
    ]);
    expect(matches[0]?.confidence).toBe(1);
  });
});
