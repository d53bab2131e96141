import { describe, expect, it } from 'vitest';
import { evaluateQuality, guidanceFor, QUALITY_PRIORITY } from './quality-checks.js';
import { measureRegion, toGrey } from './quality-stats.js';
import { DEFAULT_QUALITY_THRESHOLDS, qualityThresholdsSchema } from './quality-thresholds.js';
import { QUALITY_CODES, qualityOverrideSchema, type FaceDetection, type FaceRegionStats } from './quality.js';

const t = DEFAULT_QUALITY_THRESHOLDS;
/** A face whose own extent is the square at (x, y); the detector's box is that square enlarged 1.4×, as Human's is. */
const face = (x: number, y: number, size: number, extra: Partial<FaceDetection> = {}): FaceDetection => ({
  box: { x: x - size * 0.2, y: y - size * 0.2, width: size * 1.4, height: size * 1.4 },
  extent: { x, y, width: size, height: size },
  score: 0.9,
  yawDeg: 0,
  pitchDeg: 0,
  rollDeg: 0,
  ...extra,
});
const good: FaceRegionStats = { sharpness: 200, directionalSharpness: 60, brightness: 120, darkClipped: 0, brightClipped: 0 };
const codes = (faces: readonly FaceDetection[], stats: FaceRegionStats | null = good, width = 600, height = 800) =>
  evaluateQuality({ width, height, faces, stats }, t).map((i) => i.code);

describe('evaluateQuality', () => {
  it('passes one centred, frontal, sharp, well-lit face covering a third of the frame', () => {
    expect(codes([face(150, 200, 300)])).toEqual([]);
  });

  it('reports no face alone, and ignores candidates under the confidence floor', () => {
    expect(codes([])).toEqual(['no_face']);
    expect(codes([face(150, 200, 300, { score: 0.2 })])).toEqual(['no_face']);
    expect(codes([face(150, 200, 300), face(10, 10, 100, { score: 0.3 })])).toEqual([]);
  });

  it('judges the largest face when there are several, and says how many', () => {
    const issues = evaluateQuality({ width: 600, height: 800, faces: [face(0, 0, 40), face(150, 200, 300)], stats: good }, t);
    expect(issues.map((i) => i.code)).toEqual(['several_faces']);
    expect(issues[0]?.message).toMatch(/^2 faces/);
  });

  it('applies the area band and the height band to the face itself', () => {
    expect(codes([face(250, 350, 100)])).toEqual(['face_too_small']);
    expect(codes([face(20, 20, 560)], good, 600, 600)).toEqual(['face_too_large']);
    // A narrow, tall frame: the area is well inside its band, the height is not.
    expect(codes([face(10, 50, 580)], good, 600, 700)).toEqual(['face_too_large']);
    expect(codes([face(900, 300, 150)], good, 2000, 1200)).toEqual(['face_too_small']);
  });

  it('never measures the detector box: a face of 36 % height passes though its box covers 75 % and touches the edges', () => {
    const f = { ...face(155, 230, 290), box: { x: 0, y: 100, width: 600, height: 600 } };
    expect(codes([f])).toEqual([]);
  });

  it('passes a passport-style frame (head 70–80 % of the height, face 50–60 %) and states the rule as height shares', () => {
    expect(codes([face(90, 190, 420)], good, 700, 900)).toEqual([]);
    const [issue] = evaluateQuality({ width: 600, height: 800, faces: [face(30, 40, 600)], stats: good }, t);
    expect(issue?.message).toMatch(/75% of the photo's height .* more than 15%–70% of its height/);
  });

  it('flags a face touching or running past any edge as cut, whatever the detector box does', () => {
    expect(codes([face(0, 200, 300)])).toEqual(['face_cut']);
    expect(codes([face(150, 600, 300)])).toEqual(['face_cut']);
    expect(codes([face(-40, 200, 300)])).toEqual(['face_cut']);
    // The enlarged box reaching the edge is only margin around the face.
    expect(codes([face(40, 200, 300)])).toEqual([]);
  });

  it('flags yaw, pitch and roll beyond their limits, naming the movement', () => {
    expect(codes([face(150, 200, 300, { yawDeg: -16 })])).toEqual(['head_pose']);
    expect(codes([face(150, 200, 300, { pitchDeg: 21 })])).toEqual(['head_pose']);
    const [issue] = evaluateQuality({ width: 600, height: 800, faces: [face(150, 200, 300, { rollDeg: 30 })], stats: good }, t);
    expect(issue?.message).toContain('leaning 30°');
    expect(codes([face(150, 200, 300, { yawDeg: 14, pitchDeg: -19, rollDeg: 15 })])).toEqual([]);
  });

  it('flags dark, bright and blurred faces from the region statistics', () => {
    const f = [face(150, 200, 300)];
    expect(codes(f, { ...good, brightness: 30 })).toEqual(['too_dark']);
    expect(codes(f, { ...good, darkClipped: 0.4 })).toEqual(['too_dark']);
    expect(codes(f, { ...good, brightness: 230 })).toEqual(['too_bright']);
    expect(codes(f, { ...good, brightClipped: 0.3 })).toEqual(['too_bright']);
    expect(codes(f, { ...good, sharpness: 10 })).toEqual(['blurred']);
    expect(codes(f, { ...good, directionalSharpness: 5 })).toEqual(['blurred']);
  });

  it('lists issues in guidance priority order', () => {
    const issues = codes([face(0, 0, 60, { yawDeg: 40 }), face(500, 700, 20)], { ...good, sharpness: 1, brightness: 10 });
    expect(issues).toEqual(['several_faces', 'face_too_small', 'head_pose', 'too_dark', 'blurred', 'face_cut']);
    const order = issues.map((c) => QUALITY_PRIORITY.indexOf(c));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('guidance and schemas', () => {
  it('has one short instruction per code', () => {
    const messages = QUALITY_CODES.map(guidanceFor);
    expect(new Set(messages).size).toBe(QUALITY_CODES.length);
    expect(guidanceFor('face_too_small')).toBe('Move closer');
    expect(guidanceFor('blurred')).toBe('Hold still');
  });

  it('requires a note and at least one code for an override', () => {
    expect(qualityOverrideSchema.safeParse({ codes: ['blurred'], note: 'Only photo the person has' }).success).toBe(true);
    expect(qualityOverrideSchema.safeParse({ codes: ['blurred'], note: '  ' }).success).toBe(false);
    expect(qualityOverrideSchema.safeParse({ codes: [], note: 'reason given' }).success).toBe(false);
    expect(qualityOverrideSchema.safeParse({ codes: ['ugly'], note: 'reason given' }).success).toBe(false);
  });

  it('validates the defaults and refuses nonsense thresholds', () => {
    expect(qualityThresholdsSchema.parse(DEFAULT_QUALITY_THRESHOLDS)).toEqual(DEFAULT_QUALITY_THRESHOLDS);
    expect(qualityThresholdsSchema.safeParse({ ...DEFAULT_QUALITY_THRESHOLDS, minFaceArea: 2 }).success).toBe(false);
  });
});

describe('measureRegion', () => {
  const size = 32;
  const image = (pixel: (x: number, y: number) => number): Uint8Array => {
    const grey = new Uint8Array(size * size);
    for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) grey[y * size + x] = pixel(x, y);
    return grey;
  };

  it('scores a checkerboard sharp and a flat field not at all', () => {
    expect(measureRegion(image((x, y) => ((x + y) % 2 ? 200 : 50)), size, size).sharpness).toBeGreaterThan(10_000);
    expect(measureRegion(image(() => 128), size, size).sharpness).toBe(0);
  });

  it('sees motion: stripes smeared along one direction keep the Laplacian high but not the directional sharpness', () => {
    const smeared = measureRegion(image((_x, y) => (y % 2 ? 200 : 50)), size, size);
    expect(smeared.sharpness).toBeGreaterThan(10_000);
    expect(smeared.directionalSharpness).toBe(0);
    const texture = measureRegion(image((x, y) => ((x * 73 + y * 151 + ((x * y) % 7) * 29) % 256)), size, size);
    expect(texture.directionalSharpness).toBeGreaterThan(1000);
  });

  it('gives the mean and the clipped shares', () => {
    const s = measureRegion(image((x) => (x < 8 ? 0 : x < 16 ? 255 : 100)), size, size);
    expect(s.darkClipped).toBeCloseTo(0.25);
    expect(s.brightClipped).toBeCloseTo(0.25);
    expect(s.brightness).toBeCloseTo((255 + 200) / 4);
  });

  it('converts RGB and RGBA to BT.601 luma', () => {
    expect([...toGrey(new Uint8Array([255, 0, 0, 0, 255, 0]), 3)]).toEqual([76, 150]);
    expect([...toGrey(new Uint8ClampedArray([0, 0, 255, 9, 255, 255, 255, 0]), 4)]).toEqual([29, 255]);
  });
});
