import type { PhotoQuality, QualityCode, QualityOverride } from './quality.js';

/** Checks that cropping a group photo to its largest face resolves: one face, portrait-sized. */
export const RESOLVED_BY_FACE_CROP: readonly QualityCode[] = ['several_faces', 'face_too_small'];

/** Codes of a flagged photo the operator still has to accept with a note (after an optional face crop). */
export function codesNeedingOverride(quality: PhotoQuality | undefined | null, keepLargestFace = false): readonly QualityCode[] {
  if (!quality || quality.passed) return [];
  const codes = quality.issues.map((i) => i.code);
  return keepLargestFace ? codes.filter((c) => !RESOLVED_BY_FACE_CROP.includes(c)) : codes;
}

/** True when the photo may be enrolled: it passed, or every remaining check is covered by the override. */
export function isQualityAccepted(quality: PhotoQuality | undefined | null, override: QualityOverride | undefined, keepLargestFace = false): boolean {
  const needed = codesNeedingOverride(quality, keepLargestFace);
  if (needed.length === 0) return true;
  return override !== undefined && needed.every((c) => override.codes.includes(c));
}
