import { preparePhoto } from '../../src/core/images/prepare-photo.js';
import { assessPhoto, assessPixels } from '../../src/core/quality/assess-photo.js';
import type { FaceDetector } from '../../src/core/quality/face-detector.js';
import type { QualityThresholds } from '../../src/shared/domain/quality-thresholds.js';
import { QUALITY_CODES, type QualityAssessment, type QualityCode } from '../../src/shared/domain/quality.js';
import { EVAL_LABELS, type EvalLabel, type EvalPhoto } from './labels.js';

export interface Verdict {
  readonly photo: EvalPhoto;
  readonly codes: readonly QualityCode[];
  /** The gate's measurements, so another rule can be judged on the same detections. */
  readonly assessment: QualityAssessment;
}

export interface LabelRow {
  readonly label: EvalLabel;
  readonly expected: QualityCode | null;
  readonly total: number;
  readonly passed: number;
  /** Photos whose verdict contains each code (a photo may have several). */
  readonly byCode: Readonly<Record<QualityCode, number>>;
  /** Good photos: share flagged at all. Defects: share whose verdict contains the expected code. */
  readonly rate: number;
}

export interface EvalReport {
  readonly rows: readonly LabelRow[];
  readonly verdicts: readonly Verdict[];
  readonly falseFlagRate: number;
}

/**
 * The gate as the desk runs it: through the pipeline, judged on the pixels the upload JPEG
 * is encoded from. The few photos the pipeline refuses (too small) are judged on their own pixels.
 */
async function judge(detector: FaceDetector, jpeg: Buffer, thresholds?: QualityThresholds): Promise<QualityAssessment> {
  const prepared = await preparePhoto({ bytes: jpeg }, {}, { thumbnail: false });
  return prepared.ok ? assessPixels(detector, prepared, thresholds) : assessPhoto(detector, jpeg, thresholds);
}

/** Runs the gate on every photo of the set (one at a time, the detector's own pace). */
export async function judgeEvalSet(detector: FaceDetector, photos: readonly EvalPhoto[], thresholds?: QualityThresholds): Promise<readonly Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const photo of photos) {
    const a = await judge(detector, photo.jpeg, thresholds);
    verdicts.push({ photo, codes: a.issues.map((i) => i.code), assessment: a });
  }
  return verdicts;
}

function row(label: EvalLabel, verdicts: readonly Verdict[]): LabelRow {
  const expected = EVAL_LABELS[label];
  const mine = verdicts.filter((v) => v.photo.label === label);
  const byCode = Object.fromEntries(QUALITY_CODES.map((c) => [c, mine.filter((v) => v.codes.includes(c)).length])) as Record<QualityCode, number>;
  const passed = mine.filter((v) => v.codes.length === 0).length;
  const hits = expected === null ? mine.length - passed : byCode[expected];
  return { label, expected, total: mine.length, passed, byCode, rate: mine.length ? hits / mine.length : 0 };
}

/** The confusion of label × verdict, the false-flag rate on good photos and the detection rate per defect. */
export function summarise(verdicts: readonly Verdict[]): EvalReport {
  const rows = (Object.keys(EVAL_LABELS) as EvalLabel[]).map((label) => row(label, verdicts));
  return { rows, verdicts, falseFlagRate: rows.find((r) => r.label === 'good')?.rate ?? 0 };
}

const SHORT: Readonly<Record<QualityCode, string>> = {
  no_face: 'none',
  several_faces: 'many',
  face_too_small: 'small',
  face_too_large: 'large',
  face_cut: 'cut',
  head_pose: 'pose',
  blurred: 'blur',
  too_dark: 'dark',
  too_bright: 'bright',
};

/** The confusion table as text: one row per label, one column per verdict, then the rate. */
export function formatConfusion(report: EvalReport): readonly string[] {
  const cell = (v: string | number, w = 7): string => String(v).padStart(w);
  const header = `${'label'.padEnd(14)}${cell('n', 5)}${cell('pass')}${QUALITY_CODES.map((c) => cell(SHORT[c])).join('')}   rate`;
  const lines = report.rows.map((r) => {
    const rate = `${(r.rate * 100).toFixed(1)} % ${r.expected === null ? 'flagged' : `detected (${r.expected})`}`;
    return `${r.label.padEnd(14)}${cell(r.total, 5)}${cell(r.passed)}${QUALITY_CODES.map((c) => cell(r.byCode[c])).join('')}   ${rate}`;
  });
  return [header, ...lines];
}
