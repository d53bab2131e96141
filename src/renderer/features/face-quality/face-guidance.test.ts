import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_THRESHOLDS } from '../../../shared/domain/quality-thresholds.js';
import type { FaceDetection, FaceRegionStats } from '../../../shared/domain/quality.js';
import { createAutoCaptureGate } from './auto-capture.js';
import type { FrameAnalysis } from './browser-detector.js';
import { nextGuidance, READY_MESSAGE } from './face-guidance.js';

const t = DEFAULT_QUALITY_THRESHOLDS;
const good: FaceRegionStats = { sharpness: 300, directionalSharpness: 80, brightness: 120, darkClipped: 0, brightClipped: 0 };
/** A face whose detector box is `size` px square; its own extent is that box without Human's 1.4× margin. */
const face = (size: number, extra: Partial<FaceDetection> = {}): FaceDetection => ({
  box: { x: 320 - size / 2, y: 240 - size / 2, width: size, height: size },
  extent: { x: 320 - size / 2.8, y: 240 - size / 2.8, width: size / 1.4, height: size / 1.4 },
  score: 0.95,
  yawDeg: 0,
  pitchDeg: 0,
  rollDeg: 0,
  ...extra,
});
const frame = (faces: readonly FaceDetection[], stats: FaceRegionStats | null = good): FrameAnalysis => ({
  width: 640,
  height: 480,
  faces,
  largest: faces[0] ?? null,
  stats: faces.length ? stats : null,
});

describe('nextGuidance', () => {
  it('gives one instruction at a time, the most important first', () => {
    const both = nextGuidance(frame([face(80, { yawDeg: 40 }), face(40)], { ...good, brightness: 10 }), t, 0, null);
    expect(both.guidance.message).toBe('Only one person, please');
    expect(nextGuidance(frame([face(80, { yawDeg: 40 })]), t, 0, null).guidance.message).toBe('Move closer');
    expect(nextGuidance(frame([face(250, { yawDeg: 40 })]), t, 0, null).guidance.message).toBe('Face the camera');
    expect(nextGuidance(frame([face(250)], { ...good, brightness: 10 }), t, 0, null).guidance.message).toBe('More light, please');
    expect(nextGuidance(frame([face(250)], { ...good, sharpness: 2 }), t, 0, null).guidance.message).toBe('Hold still');
    expect(nextGuidance(frame([]), t, 0, null).guidance.message).toMatch(/^No face/);
  });

  it('counts how long every check has kept passing, and resets on any failure', () => {
    const a = nextGuidance(frame([face(250)]), t, 1000, null);
    expect(a.guidance.message).toBe(READY_MESSAGE);
    expect(a.guidance.allPassedFor).toBe(0);
    const b = nextGuidance(frame([face(250)]), t, 1600, a.passingSince);
    expect(b.guidance.allPassedFor).toBe(600);
    const c = nextGuidance(frame([face(250, { rollDeg: 30 })]), t, 1800, b.passingSince);
    expect(c.guidance.allPassedFor).toBe(0);
    expect(c.passingSince).toBeNull();
    expect(c.guidance.checks.find((k) => k.code === 'head_pose')?.passed).toBe(false);
    expect(c.guidance.checks.filter((k) => !k.passed)).toHaveLength(1);
  });
});

describe('auto-capture gate', () => {
  it('fires once after the hold time, and again only when re-armed', () => {
    const gate = createAutoCaptureGate(1000);
    expect(gate.shouldFire(0)).toBe(false);
    expect(gate.shouldFire(999)).toBe(false);
    expect(gate.shouldFire(1000)).toBe(true);
    expect(gate.shouldFire(1500)).toBe(false);
    expect(gate.fired).toBe(true);
    gate.rearm();
    expect(gate.shouldFire(200)).toBe(false);
    expect(gate.shouldFire(1200)).toBe(true);
  });
});
