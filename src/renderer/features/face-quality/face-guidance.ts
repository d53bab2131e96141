import { evaluateQuality, guidanceFor } from '../../../shared/domain/quality-checks.js';
import type { QualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { QUALITY_CODES, type FaceBox, type QualityCode, type QualityIssue } from '../../../shared/domain/quality.js';
import type { FrameAnalysis } from './browser-detector.js';

export interface QualityCheck {
  readonly code: QualityCode;
  readonly passed: boolean;
}

export interface FaceGuidance {
  /** Largest face in video pixels, or null. */
  readonly box: FaceBox | null;
  /** Every check with its state on the latest frame. */
  readonly checks: readonly QualityCheck[];
  /** Failed checks in priority order, with the full reason (shown on manual capture). */
  readonly issues: readonly QualityIssue[];
  /** One instruction at a time, the most important first. */
  readonly message: string;
  /** How long every check has kept passing, 0 while any fails. */
  readonly allPassedFor: number;
  readonly frame: { readonly width: number; readonly height: number } | null;
}

export const READY_MESSAGE = 'Hold still: taking the photo';

export const INITIAL_GUIDANCE: FaceGuidance = {
  box: null,
  checks: [],
  issues: [],
  message: 'Starting the face check…',
  allPassedFor: 0,
  frame: null,
};

/**
 * The next guidance from one analysed frame. `passingSince` carries over between frames:
 * the time the current unbroken run of all-pass frames began, or null.
 */
export function nextGuidance(
  frame: FrameAnalysis,
  thresholds: QualityThresholds,
  now: number,
  passingSince: number | null,
): { readonly guidance: FaceGuidance; readonly passingSince: number | null } {
  const issues = evaluateQuality(frame, thresholds);
  const failed = new Set(issues.map((i) => i.code));
  const first = issues[0];
  const since = first ? null : (passingSince ?? now);
  return {
    passingSince: since,
    guidance: {
      box: frame.largest?.box ?? null,
      checks: QUALITY_CODES.map((code) => ({ code, passed: !failed.has(code) })),
      issues,
      message: first ? guidanceFor(first.code) : READY_MESSAGE,
      allPassedFor: since === null ? 0 : now - since,
      frame: { width: frame.width, height: frame.height },
    },
  };
}
