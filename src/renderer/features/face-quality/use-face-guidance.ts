import { useEffect, useRef, useState } from 'react';
import type { QualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { createBrowserFaceDetector, type BrowserFaceDetector } from './browser-detector.js';
import { INITIAL_GUIDANCE, nextGuidance, type FaceGuidance } from './face-guidance.js';

/** A few checks per second: enough to guide a person, light enough for a desk PC's two cores. */
const FRAME_INTERVAL_MS = 200;

export interface FaceGuidanceState extends FaceGuidance {
  /** 'loading' until the models are ready; 'error' if they cannot load (manual capture still works). */
  readonly status: 'loading' | 'running' | 'error';
}

let shared: BrowserFaceDetector | null = null;

/**
 * Live quality checks on a playing video; one detection at a time, paused while the tab is
 * hidden. A new `session` (another camera stream) starts from scratch: no verdict and no
 * pass time carried over from the previous camera.
 */
export function useFaceGuidance(video: HTMLVideoElement | null, thresholds: QualityThresholds, session: unknown = null): FaceGuidanceState {
  const [state, setState] = useState<FaceGuidanceState>({ ...INITIAL_GUIDANCE, status: 'loading' });
  const thresholdsRef = useRef(thresholds);
  thresholdsRef.current = thresholds;

  useEffect(() => {
    setState({ ...INITIAL_GUIDANCE, status: 'loading' });
    if (!video) return undefined;
    shared ??= createBrowserFaceDetector();
    const detector = shared;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let passingSince: number | null = null;

    const tick = async (): Promise<void> => {
      if (stopped) return;
      const ready = video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0 && !document.hidden;
      if (ready) {
        try {
          const frame = await detector.analyse(video, thresholdsRef.current);
          if (stopped) return;
          const next = nextGuidance(frame, thresholdsRef.current, performance.now(), passingSince);
          passingSince = next.passingSince;
          setState({ ...next.guidance, status: 'running' });
        } catch {
          if (stopped) return;
          setState({ ...INITIAL_GUIDANCE, message: 'The face check is not available; take the photo manually.', status: 'error' });
          return;
        }
      }
      timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [video, session]);

  return state;
}
