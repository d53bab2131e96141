import { useEffect } from 'react';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { useAutoCapture, type AutoCapture } from './use-auto-capture.js';
import { useFaceGuidance, type FaceGuidanceState } from './use-face-guidance.js';

export const PHOTO_TAKEN_MESSAGE = 'Photo taken';

export interface FaceQualityCamera {
  readonly guidance: FaceGuidanceState;
  readonly autoCapture: AutoCapture;
}

/**
 * Live guidance plus auto-capture for one camera session: `video` is null while the camera
 * is off; a new session re-arms the automatic capture. `capture` is the panel's own capture.
 */
export function useFaceQualityCamera(
  video: HTMLVideoElement | null,
  capture: () => void,
  canCapture: boolean,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): FaceQualityCamera {
  const guidance = useFaceGuidance(video, thresholds);
  const autoCapture = useAutoCapture(guidance.allPassedFor, capture, canCapture && video !== null && guidance.status === 'running');
  const { rearm } = autoCapture;
  useEffect(() => {
    if (video === null) rearm();
  }, [video, rearm]);
  // After the automatic capture the steady face still passes; say the photo was taken, not "taking".
  const shown = autoCapture.fired && guidance.issues.length === 0 && guidance.status === 'running' ? { ...guidance, message: PHOTO_TAKEN_MESSAGE } : guidance;
  return { guidance: shown, autoCapture };
}
