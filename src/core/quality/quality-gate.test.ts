import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegs } from '../../../test/fixtures/corpus.js';
import { DEFAULT_QUALITY_THRESHOLDS } from '../../shared/domain/quality-thresholds.js';
import type { QualityAssessment, QualityCode } from '../../shared/domain/quality.js';
import { preparePhoto, type PreparedPhoto } from '../images/prepare-photo.js';
import { processPhoto } from '../images/process-photo.js';
import { assessPhoto, assessPixels } from './assess-photo.js';
import { assessPhotos, toPhotoQuality } from './assess-photos.js';
import { cropToFace } from './crop-to-face.js';
import { createFaceDetector, type FaceDetector } from './face-detector.js';
import { planSourceCrop } from './plan-source-crop.js';
import { FRONTAL_FACES, portraitOf, sampleJpeg } from '../../../test/fixtures/quality-fixtures.js';
import { loadFaceSources, type FaceSources } from '../../../test/quality-eval/face-sources.js';
import { frameCutAtEdge, frameFace } from '../../../test/quality-eval/framing.js';
import { PASSPORT, PORTRAIT } from '../../../test/quality-eval/good-portraits.js';

// Real detector (Human + wasm in a worker thread) on real photos.
let detector: FaceDetector;
let portrait: Buffer;

beforeAll(async () => {
  detector = createFaceDetector();
  await detector.warm();
  const first = FRONTAL_FACES[0];
  if (!first) throw new Error('no frontal face');
  portrait = await portraitOf(detector, first.sample, first.cx, first.cy);
}, 120_000);

afterAll(async () => {
  await detector.close();
});

const codes = (a: QualityAssessment): readonly QualityCode[] => a.issues.map((i) => i.code);

async function prepared(bytes: Buffer): Promise<PreparedPhoto> {
  const result = await preparePhoto({ bytes });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('face quality gate on the sample photos', () => {
  it.each([1, 2, 3, 4, 5, 6])('flags group photo sample%i as several faces, with every box', async (n) => {
    const a = await assessPhoto(detector, await sampleJpeg(n));
    expect(codes(a)[0]).toBe('several_faces');
    expect(a.faces.length).toBeGreaterThanOrEqual(3);
    for (const f of a.faces) {
      expect(f.box.x + f.box.width).toBeLessThanOrEqual(a.width + 1);
      expect(f.box.width).toBeGreaterThan(150);
    }
  });

  it.each(FRONTAL_FACES.map((f) => [f.sample, f.cx, f.cy] as const))('passes a portrait crop of the frontal face in sample%i at (%i, %i)', async (sample, cx, cy) => {
    const a = await assessPhoto(detector, await portraitOf(detector, sample, cx, cy));
    expect(a.issues).toEqual([]);
    expect(a.faces).toHaveLength(1);
  });

  it('flags the tightest test-corpus crops (the face fills the frame) as too large', async () => {
    // Crops 6..9 hold the face from chin to brow across the whole frame; the others leave room above it.
    for (const jpeg of (await faceJpegs()).slice(6)) {
      expect(codes(await assessPhoto(detector, jpeg))).toContain('face_too_large');
    }
  });

  it('flags a turned or leaning head, with the angle in the reason', async () => {
    const tilted = await sharp(portrait).rotate(28, { background: '#808080' }).jpeg().toBuffer();
    const a = await assessPhoto(detector, tilted);
    expect(codes(a)).toContain('head_pose');
    expect(a.issues.find((i) => i.code === 'head_pose')?.message).toMatch(/leaning \d+°/);
  });
});

describe('the gate measures the face itself, not the detector box', () => {
  let faces: FaceSources;
  beforeAll(async () => {
    faces = await loadFaceSources(detector);
  }, 60_000);
  const frontal = (i: number) => {
    const face = faces.frontal[i];
    if (!face) throw new Error(`no frontal face ${i}`);
    return face;
  };

  // Faces whose 600×800 portrait shows no neighbour from the group photo (PORTRAIT frames wide).
  it.each([2, 7, 8])('passes a well-framed 600×800 portrait of frontal face %i (whole head, face a third of the height), re-encoded', async (i) => {
    const portrait = await frameFace(frontal(i), PORTRAIT);
    expect([portrait.width, portrait.height]).toEqual([600, 800]);
    const reencoded = await sharp(portrait.jpeg).jpeg({ quality: 70 }).toBuffer();
    const a = await assessPhoto(detector, reencoded);
    expect(a.issues).toEqual([]);
    const face = a.faces[0];
    if (!face) throw new Error('no face');
    expect(face.extent.height / a.height).toBeCloseTo(1 / 3, 1);
    // Human's box is the region facemesh crops: more than twice the face's own area.
    expect((face.box.width * face.box.height) / (face.extent.width * face.extent.height)).toBeGreaterThan(1.8);
  });

  it.each([0, 3, 6])('passes a passport-style crop of frontal face %i (head about 78 % of the height)', async (i) => {
    const passport = await frameFace(frontal(i), PASSPORT);
    const a = await assessPhoto(detector, passport.jpeg);
    expect(a.issues).toEqual([]);
    expect(a.faces[0]?.extent.height ?? 0).toBeGreaterThan(0.5 * a.height);
  });

  it('fails a face that fills the frame as too large', async () => {
    const filled = await frameFace(frontal(0), { heightShare: 0.9, aspect: 3 / 4, at: [0.5, 0.5], width: 600 });
    expect(codes(await assessPhoto(detector, filled.jpeg))).toContain('face_too_large');
  });

  it.each(['left', 'right', 'top', 'bottom'] as const)('fails a face shifted off the %s edge as cut', async (edge) => {
    const photo = await frameCutAtEdge(frontal(3), { ...PORTRAIT, heightShare: 0.6 }, edge, 0.2);
    if (!photo) throw new Error(`the sample has no room to cut at the ${edge}`);
    expect(codes(await assessPhoto(detector, photo.jpeg))).toContain('face_cut');
  });
});

describe('derived bad photos each get their own reason', () => {
  it('blurred', async () => {
    const a = await assessPhoto(detector, await sharp(portrait).blur(6).jpeg().toBuffer());
    expect(codes(a)).toEqual(['blurred']);
  });

  it('darkened', async () => {
    const a = await assessPhoto(detector, await sharp(portrait).linear(0.25, 0).jpeg().toBuffer());
    expect(codes(a)).toContain('too_dark');
    expect(codes(a)).not.toContain('too_bright');
  });

  it('brightened', async () => {
    const a = await assessPhoto(detector, await sharp(portrait).linear(2, 80).jpeg().toBuffer());
    expect(codes(a)).toContain('too_bright');
    expect(codes(a)).not.toContain('too_dark');
  });

  it('tiny face on a big canvas', async () => {
    const small = await sharp(portrait).resize({ width: 240 }).toBuffer();
    const canvas = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#8a8a8a' } })
      .composite([{ input: small, left: 680, top: 400 }])
      .jpeg()
      .toBuffer();
    const a = await assessPhoto(detector, canvas);
    expect(codes(a)).toEqual(['face_too_small']);
  });

  it.each(['left', 'top'] as const)('face cut at the %s edge (a third of it outside the frame)', async (edge) => {
    const meta = await sharp(portrait).metadata();
    const face = (await assessPhoto(detector, portrait)).faces[0];
    if (!face) throw new Error('no face');
    // Half a face is no face to the detector; a third outside is what a badly framed shot looks like.
    const shift = Math.round(edge === 'left' ? face.box.x + face.box.width * 0.3 : face.box.y + face.box.height * 0.3);
    const region = edge === 'left' ? { left: shift, top: 0, width: meta.width - shift, height: meta.height } : { left: 0, top: shift, width: meta.width, height: meta.height - shift };
    const cut = await sharp(portrait)
      .extract(region)
      .extend({ [edge === 'left' ? 'right' : 'bottom']: shift, background: '#808080' })
      .jpeg()
      .toBuffer();
    expect(codes(await assessPhoto(detector, cut))).toContain('face_cut');
  });

  it('no face at all', async () => {
    const empty = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a7f8c' } }).jpeg().toBuffer();
    const a = await assessPhoto(detector, empty);
    expect(codes(a)).toEqual(['no_face']);
    expect(a.stats).toBeNull();
  });
});

describe('crops and auto-crop', () => {
  it('crops a group photo to each chosen face: one face, portrait 3:4, passing the size check', async () => {
    const group = await sampleJpeg(3);
    const a = await assessPhoto(detector, group);
    for (const face of a.faces) {
      const crop = await cropToFace(group, face.box);
      expect(crop.height / crop.width).toBeCloseTo(4 / 3, 1);
      const b = await assessPhoto(detector, crop.jpeg);
      expect(b.faces).toHaveLength(1);
      expect(codes(b)).not.toContain('face_too_small');
      expect(codes(b)).not.toContain('face_too_large');
    }
  });

  it('auto-crops a far-away face in a large photo before the resize, keeping its detail', async () => {
    const face = await sharp(portrait).resize({ width: 900 }).toBuffer();
    const wide = await sharp({ create: { width: 5200, height: 3900, channels: 3, background: '#7d8a80' } })
      .composite([{ input: face, left: 2100, top: 1300 }])
      .jpeg({ quality: 92 })
      .toBuffer();
    const whole = await prepared(wide);
    const quality = toPhotoQuality(await assessPixels(detector, whole));
    expect(quality.issues.map((i) => i.code)).toEqual(['face_too_small']);

    // Planned from the same detection, in the source's upright pixels.
    const crop = planSourceCrop(whole, quality);
    expect(crop).not.toBeNull();
    expect((crop?.width ?? 0) * (crop?.height ?? 0)).toBeLessThan(5200 * 3900 * 0.2);
    const processed = await processPhoto({ bytes: wide }, {}, crop ? { crop } : {});
    if (!processed.ok) throw new Error(processed.message);
    expect(processed.notes).toContain('Cropped around the face.');
    expect(Math.min(processed.width, processed.height)).toBeGreaterThanOrEqual(480);
    expect(codes(await assessPhoto(detector, processed.jpeg))).toEqual([]);
  });

  it('does not auto-crop a photo with several faces or a face already big enough', async () => {
    for (const photo of [await sampleJpeg(3), portrait]) {
      const whole = await prepared(photo);
      expect(planSourceCrop(whole, toPhotoQuality(await assessPixels(detector, whole)))).toBeNull();
    }
  });
});

describe('detector worker', () => {
  it('keeps the event loop free while detecting', async () => {
    const group = await sampleJpeg(5);
    let ticks = 0;
    let worstGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks += 1;
    }, 5);
    for (let i = 0; i < 3; i += 1) await assessPhoto(detector, group);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
    // sharp decodes on its own threads too; a blocked loop would show gaps of the detection time.
    expect(worstGap).toBeLessThan(60);
  });

  it('answers concurrent callers each with their own photo, and restarts after close', async () => {
    const empty = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#333' } }).jpeg().toBuffer();
    const results = await assessPhotos(detector, [
      { key: 'group', photo: await sampleJpeg(4) },
      { key: 'portrait', photo: portrait },
      { key: 'empty', photo: empty },
    ]);
    expect(results.get('group')?.faceCount).toBe(4);
    expect(results.get('portrait')?.passed).toBe(true);
    expect(results.get('empty')?.issues.map((i) => i.code)).toEqual(['no_face']);

    const [x, y] = await Promise.all([assessPhoto(detector, empty), assessPhoto(detector, portrait)]);
    expect(x.faces).toHaveLength(0);
    expect(y.faces).toHaveLength(1);

    await detector.close();
    expect((await assessPhoto(detector, portrait)).faces).toHaveLength(1);
  });

  it('honours thresholds passed by the caller', async () => {
    const strict = { ...DEFAULT_QUALITY_THRESHOLDS, minFaceArea: 0.5 };
    expect(codes(await assessPhoto(detector, portrait, strict))).toEqual(['face_too_small']);
  });
});
