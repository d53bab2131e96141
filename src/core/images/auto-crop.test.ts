import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planAutoCrop, portraitRegion } from './auto-crop.js';
import { processPhoto } from './process-photo.js';

describe('portraitRegion', () => {
  it('makes a 3:4 box with the face half its height, face centre slightly above the middle', () => {
    const r = portraitRegion({ width: 4000, height: 3000 }, { x: 1800, y: 1200, width: 400, height: 400 });
    expect(r).toEqual({ left: 1700, top: 1040, width: 600, height: 800 });
  });

  it('shifts the box inside the image near an edge', () => {
    const r = portraitRegion({ width: 4000, height: 3000 }, { x: 10, y: 2700, width: 280, height: 280 });
    expect(r.left).toBe(0);
    expect(r.top + r.height).toBe(3000);
    expect(r.width / r.height).toBeCloseTo(0.75, 2);
  });

  it('shrinks to the image when the ideal box is bigger than it', () => {
    const r = portraitRegion({ width: 600, height: 500 }, { x: 200, y: 100, width: 300, height: 300 });
    expect(r.height).toBeLessThanOrEqual(500);
    expect(r.width).toBe(375);
    expect(r.left + r.width).toBeLessThanOrEqual(600);
  });
});

describe('planAutoCrop', () => {
  it('crops a small face in a big frame', () => {
    expect(planAutoCrop({ width: 6000, height: 4000 }, { x: 2800, y: 1500, width: 500, height: 500 })).toEqual({
      left: 2675,
      top: 1300,
      width: 750,
      height: 1000,
    });
  });

  it('leaves a face already covering 10 % or more', () => {
    expect(planAutoCrop({ width: 1000, height: 1000 }, { x: 300, y: 300, width: 320, height: 320 })).toBeNull();
  });

  it('leaves a photo whose crop would fall under the pipeline minimum', () => {
    expect(planAutoCrop({ width: 1920, height: 1280 }, { x: 900, y: 500, width: 200, height: 200 })).toBeNull();
    expect(planAutoCrop({ width: 1920, height: 1280 }, { x: 900, y: 500, width: 200, height: 200 }, { minShortSide: 300 })).not.toBeNull();
  });
});

describe('processPhoto crop step', () => {
  it('crops the upright image (after EXIF orientation), before the resize', async () => {
    // Upright: 1000×1400, top half red, bottom half blue; stored sideways with orientation 6.
    const upright = await sharp({ create: { width: 1000, height: 1400, channels: 3, background: '#0000ff' } })
      .composite([{ input: { create: { width: 1000, height: 700, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const stored = await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const result = await processPhoto({ bytes: stored }, {}, { crop: { left: 100, top: 750, width: 600, height: 600 } });
    if (!result.ok) throw new Error(result.message);
    expect([result.width, result.height]).toEqual([600, 600]);
    expect(result.notes[0]).toBe('Cropped around the face.');
    const { dominant } = await sharp(result.jpeg).stats();
    // Blue: the region lies in the upright bottom half (in the stored, sideways frame it would be red or outside).
    expect(dominant.b).toBeGreaterThan(200);
    expect(dominant.r).toBeLessThan(60);
  });
});
