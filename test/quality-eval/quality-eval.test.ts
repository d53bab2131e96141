import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceDetector, type FaceDetector } from '../../src/core/quality/face-detector.js';
import { buildEvalSet, EVAL_SET_DIR, writeEvalSet } from './build-set.js';
import { formatConfusion, judgeEvalSet, summarise, type EvalReport } from './evaluate.js';
import { EVAL_LABELS, type EvalLabel, type EvalPhoto } from './labels.js';

// The real detector (Human + tfjs wasm in its worker thread) on the labelled set built from
// the sample photos. Slow on purpose: every photo of the set is judged.
let detector: FaceDetector;
let photos: readonly EvalPhoto[];
let report: EvalReport;

beforeAll(async () => {
  detector = createFaceDetector();
  photos = await buildEvalSet(detector);
  await writeEvalSet(photos);
  report = summarise(await judgeEvalSet(detector, photos));
  console.log(formatConfusion(report).join('\n'));
}, 900_000);

afterAll(async () => {
  await detector.close();
});

const count = (label: EvalLabel): number => photos.filter((p) => p.label === label).length;
const misses = (label: EvalLabel): string =>
  report.verdicts
    .filter((v) => v.photo.label === label)
    .filter((v) => (EVAL_LABELS[label] === null ? v.codes.length > 0 : !v.codes.includes(EVAL_LABELS[label])))
    .map((v) => `${v.photo.name} [${v.codes.join(', ') || 'passed'}] ${v.photo.how}`)
    .join('\n');

describe('the face quality gate on the labelled evaluation set', () => {
  it('has at least 40 good portraits and 15 photos of each defect, written under test/fixtures/quality-eval', () => {
    expect(count('good')).toBeGreaterThanOrEqual(40);
    for (const label of Object.keys(EVAL_LABELS) as EvalLabel[]) expect(count(label), label).toBeGreaterThanOrEqual(15);
    expect(existsSync(join(EVAL_SET_DIR, 'manifest.json'))).toBe(true);
    expect(new Set(photos.map((p) => `${p.label}/${p.name}`)).size).toBe(photos.length);
  });

  it('flags at most 5 % of the good portraits', () => {
    expect(report.falseFlagRate, misses('good')).toBeLessThanOrEqual(0.05);
  });

  it.each((Object.keys(EVAL_LABELS) as EvalLabel[]).filter((l) => EVAL_LABELS[l] !== null))('detects at least 90 %% of %s photos by their own reason', (label) => {
    const row = report.rows.find((r) => r.label === label);
    expect(row?.rate ?? 0, misses(label)).toBeGreaterThanOrEqual(0.9);
  });
});
