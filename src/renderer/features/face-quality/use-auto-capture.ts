import { useCallback, useEffect, useRef, useState } from 'react';
import { AUTO_CAPTURE_HOLD_MS, createAutoCaptureGate } from './auto-capture.js';

export interface AutoCapture {
  /** True once the photo was taken automatically, until `rearm`. */
  readonly fired: boolean;
  /** Allow another automatic capture (e.g. after "Retake"). */
  rearm(): void;
}

/** Calls `capture` once when every check has passed for about a second; `enabled` false pauses it. */
export function useAutoCapture(allPassedFor: number, capture: () => void, enabled = true, holdMs = AUTO_CAPTURE_HOLD_MS): AutoCapture {
  const gate = useRef(createAutoCaptureGate(holdMs));
  const captureRef = useRef(capture);
  captureRef.current = capture;
  const [fired, setFired] = useState(false);

  useEffect(() => {
    if (enabled && gate.current.shouldFire(allPassedFor)) {
      setFired(true);
      captureRef.current();
    }
  }, [allPassedFor, enabled]);

  const rearm = useCallback(() => {
    gate.current.rearm();
    setFired(false);
  }, []);
  return { fired, rearm };
}
