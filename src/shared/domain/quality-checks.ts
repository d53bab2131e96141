import { assertNever } from '../result.js';
import type { FaceBox, FaceDetection, FaceRegionStats, QualityCode, QualityIssue } from './quality.js';
import type { QualityThresholds } from './quality-thresholds.js';

export interface QualityInput {
  readonly width: number;
  readonly height: number;
  /** Every candidate the detector returned, in any order. */
  readonly faces: readonly FaceDetection[];
  /** Measurements of the largest face; null when not measured (no face). */
  readonly stats: FaceRegionStats | null;
}

/** Guidance priority: what the person in front of the camera should fix first. */
export const QUALITY_PRIORITY: readonly QualityCode[] = [
  'no_face',
  'several_faces',
  'face_too_small',
  'face_too_large',
  'head_pose',
  'too_dark',
  'too_bright',
  'blurred',
  'face_cut',
];

const pct = (share: number): string => `${Math.round(share * 100)}%`;
const area = (b: FaceBox): number => b.width * b.height;

/** Faces the detector is confident about, largest (by the face's own extent) first. */
export function confidentFaces(faces: readonly FaceDetection[], t: QualityThresholds): readonly FaceDetection[] {
  return faces.filter((f) => f.score >= t.minFaceScore).sort((a, b) => area(b.extent) - area(a.extent));
}

/** True when the face (its own extent, which runs past the frame when cut) is within the edge margin. */
export function isCut(extent: FaceBox, width: number, height: number, t: QualityThresholds): boolean {
  const mx = width * t.edgeMargin;
  const my = height * t.edgeMargin;
  return extent.x < mx || extent.y < my || extent.x + extent.width > width - mx || extent.y + extent.height > height - my;
}

/** The size rule on the face's own extent: its share of the frame's area and of its height. */
function sizeIssue(extent: FaceBox, width: number, height: number, t: QualityThresholds): QualityIssue | null {
  const areaShare = area(extent) / (width * height);
  const heightShare = Math.min(extent.height, height) / height;
  const band = `${pct(t.minFaceHeight)}–${pct(t.maxFaceHeight)} of its height`;
  if (areaShare < t.minFaceArea || heightShare < t.minFaceHeight) {
    return {
      code: 'face_too_small',
      message: `The face is only ${pct(heightShare)} of the photo's height (${pct(areaShare)} of its area); it must be ${band}. Use a closer photo.`,
    };
  }
  if (areaShare > t.maxFaceArea || heightShare > t.maxFaceHeight) {
    return {
      code: 'face_too_large',
      message: `The face is ${pct(heightShare)} of the photo's height (${pct(areaShare)} of its area), more than ${band}: the photo is too close. Include the whole head and some background.`,
    };
  }
  return null;
}

function poseIssue(face: FaceDetection, t: QualityThresholds): string | null {
  const turns: string[] = [];
  if (Math.abs(face.yawDeg) > t.maxYawDeg) turns.push(`turned ${Math.round(Math.abs(face.yawDeg))}° to the side`);
  if (Math.abs(face.pitchDeg) > t.maxPitchDeg) turns.push(`tilted ${Math.round(Math.abs(face.pitchDeg))}° up or down`);
  if (Math.abs(face.rollDeg) > t.maxRollDeg) turns.push(`leaning ${Math.round(Math.abs(face.rollDeg))}° sideways`);
  if (turns.length === 0) return null;
  return `The head is ${turns.join(' and ')}; it must face the camera (at most ${t.maxYawDeg}°).`;
}

/**
 * The operator-facing verdict on one image: every failed check with a reason, in
 * QUALITY_PRIORITY order; empty when the photo is fit for matching.
 */
export function evaluateQuality(input: QualityInput, t: QualityThresholds): readonly QualityIssue[] {
  const faces = confidentFaces(input.faces, t);
  const face = faces[0];
  if (!face) return [{ code: 'no_face', message: 'No face was found in this photo.' }];
  const issues: QualityIssue[] = [];
  if (faces.length > 1) {
    issues.push({
      code: 'several_faces',
      message: `${faces.length} faces were found; a photo must show one person only. Keep the largest face or choose one, and the photo is cropped to it.`,
    });
  }
  const size = sizeIssue(face.extent, input.width, input.height, t);
  if (size) issues.push(size);
  const pose = poseIssue(face, t);
  if (pose) issues.push({ code: 'head_pose', message: pose });
  const s = input.stats;
  if (s && (s.brightness < t.minBrightness || s.darkClipped > t.maxClippedFraction)) {
    issues.push({ code: 'too_dark', message: `The face is too dark (brightness ${Math.round(s.brightness)} of 255, at least ${t.minBrightness} needed). Add light in front of the person.` });
  } else if (s && (s.brightness > t.maxBrightness || s.brightClipped > t.maxClippedFraction)) {
    issues.push({ code: 'too_bright', message: `The face is overexposed (brightness ${Math.round(s.brightness)} of 255, at most ${t.maxBrightness}). Reduce the light or avoid the flash.` });
  }
  if (s && (s.sharpness < t.minSharpness || s.directionalSharpness < t.minDirectionalSharpness)) {
    issues.push({ code: 'blurred', message: 'The face is blurred (out of focus or moving). Take the photo again holding still.' });
  }
  if (isCut(face.extent, input.width, input.height, t)) {
    issues.push({ code: 'face_cut', message: 'The face touches the edge of the photo, so part of it is cut off. The whole head must be inside the frame.' });
  }
  return issues;
}

/** The one short instruction shown over the live camera for a failed check. */
export function guidanceFor(code: QualityCode): string {
  switch (code) {
    case 'no_face':
      return 'No face found: look at the camera';
    case 'several_faces':
      return 'Only one person, please';
    case 'face_too_small':
      return 'Move closer';
    case 'face_too_large':
      return 'Move back';
    case 'head_pose':
      return 'Face the camera';
    case 'too_dark':
      return 'More light, please';
    case 'too_bright':
      return 'Less light, please';
    case 'blurred':
      return 'Hold still';
    case 'face_cut':
      return 'Centre your face';
    default:
      return assertNever(code);
  }
}
