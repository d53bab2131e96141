import { useEffect } from 'react';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { useAutoCapture, type AutoCapture } from './use-auto-capture.js';
import { useFaceGuidance, type FaceGuidanceState } from './use-face-guidance.js';
import { useVideoHasFrame } from './use-video-frame.js';

export const PHOTO_TAKEN_MESSAGE = 'Photo taken';
export const MANUAL_READY_MESSAGE = 'Good: press Capture to add this photo';

export interface FaceQualityCamera {
  readonly guidance: FaceGuidanceState;
  readonly autoCapture: AutoCapture;
}

/**
 * Live guidance plus auto-capture for one camera session (`stream`; null while the camera is
 * off). Auto-capture is armed only once the new stream shows a frame, and each session
 * starts its one-second pass time and its single automatic capture afresh.
 * `capture` is the panel's own capture.
 */
export function useFaceQualityCamera(
  video: HTMLVideoElement | null,
  stream: MediaStream | null,
  capture: () => void,
  canCapture: boolean,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): FaceQualityCamera {
  const live = stream === null ? null : video;
  const guidance = useFaceGuidance(live, thresholds, stream);
  const hasFrame = useVideoHasFrame(live, stream);
  const autoCapture = useAutoCapture(guidance.allPassedFor, capture, canCapture && live !== null && hasFrame && guidance.status === 'running');
  const { rearm } = autoCapture;
  useEffect(() => {
    rearm();
  }, [stream, rearm]);
  // After the automatic capture the steady face still passes; say the photo was taken, not "taking".
  const allPassed = guidance.issues.length === 0 && guidance.status === 'running';
  // When nothing will be taken by itself, a passing face is the operator's cue, not "taking".
  const message = autoCapture.fired ? PHOTO_TAKEN_MESSAGE : canCapture ? null : MANUAL_READY_MESSAGE;
  const shown = allPassed && message !== null ? { ...guidance, message } : guidance;
  return { guidance: shown, autoCapture };
}
