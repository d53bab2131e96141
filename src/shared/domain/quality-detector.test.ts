import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTOR_BOX_SCALE, faceExtent, toFaceDetection, type HumanFace } from './quality-detector.js';

const mesh = (points: readonly (readonly [number, number])[]): readonly (readonly number[])[] =>
  Array.from({ length: 468 }, (_, i) => points[i % points.length] ?? [0, 0]);

describe('faceExtent', () => {
  it('is the bounding box of the mesh landmarks, unclipped', () => {
    const face: HumanFace = { box: [0, 0, 400, 400], score: 0.9, mesh: mesh([[-30, 120], [210, 90], [150, 380]]) };
    expect(faceExtent(face)).toEqual([-30, 90, 240, 290]);
  });

  it("falls back to blazeface's own box (Human's box without its enlargement) when there is no mesh", () => {
    const face: HumanFace = { box: [100, 200, 280, 280], score: 0.9, mesh: mesh([[1, 1]]).slice(0, 6) };
    const [x, y, w, h] = faceExtent(face);
    expect(w).toBeCloseTo(280 / DETECTOR_BOX_SCALE);
    expect(x + w / 2).toBeCloseTo(240);
    expect(y + h / 2).toBeCloseTo(340);
    expect(h).toBeCloseTo(200);
  });

  it('always lies within the landmarks and scales with the detection copy', () => {
    const point = fc.tuple(fc.integer({ min: -200, max: 900 }), fc.integer({ min: -200, max: 900 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 20 }), fc.double({ min: 0.5, max: 8, noNaN: true }), (points, scale) => {
        const face: HumanFace = { box: [0, 0, 10, 10], score: 0.8, mesh: mesh(points) };
        const { extent } = toFaceDetection(face, scale);
        for (const [px, py] of points) {
          expect(px * scale).toBeGreaterThanOrEqual(extent.x - 1e-6);
          expect(py * scale).toBeLessThanOrEqual(extent.y + extent.height + 1e-6);
        }
        expect(extent.width).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
