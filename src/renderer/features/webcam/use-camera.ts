import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/index.js';

export interface CameraProblem {
  readonly kind: 'denied' | 'none' | 'busy' | 'other';
  readonly message: string;
}

export interface Camera {
  readonly devices: readonly MediaDeviceInfo[];
  readonly deviceId: string;
  readonly stream: MediaStream | null;
  readonly problem: CameraProblem | null;
  readonly starting: boolean;
  start(deviceId?: string): Promise<void>;
  stop(): void;
}

/** The operator's words for why the camera cannot be used, with what to do about it. */
export function describeCameraError(err: unknown): CameraProblem {
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        kind: 'denied',
        message: t('webcam.problem.denied'),
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { kind: 'none', message: t('webcam.problem.none') };
    case 'NotReadableError':
    case 'AbortError':
      return { kind: 'busy', message: t('webcam.problem.busy') };
    default:
      return { kind: 'other', message: t('webcam.problem.other', { name: name || '?' }) };
  }
}

/** The webcam: device list, the chosen device's stream, and clear problems. Stops the camera on unmount. */
export function useCamera(): Camera {
  const [devices, setDevices] = useState<readonly MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [starting, setStarting] = useState(false);
  const current = useRef<MediaStream | null>(null);

  const stop = useCallback(() => {
    current.current?.getTracks().forEach((t) => t.stop());
    current.current = null;
    setStream(null);
  }, []);

  const start = useCallback(
    async (wanted?: string) => {
      stop();
      setProblem(null);
      setStarting(true);
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no media devices', 'NotFoundError');
        const id = wanted ?? deviceId;
        const next = await navigator.mediaDevices.getUserMedia({
          video: id === '' ? { width: { ideal: 1280 }, height: { ideal: 960 } } : { deviceId: { exact: id }, width: { ideal: 1280 }, height: { ideal: 960 } },
          audio: false,
        });
        current.current = next;
        setStream(next);
        // Labels are only given once permission is granted, so the list is read after.
        const cams = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
        setDevices(cams);
        if (cams.length === 0) setProblem(describeCameraError(new DOMException('none', 'NotFoundError')));
        setDeviceId(next.getVideoTracks()[0]?.getSettings().deviceId ?? id);
      } catch (err) {
        setProblem(describeCameraError(err));
      } finally {
        setStarting(false);
      }
    },
    [deviceId, stop],
  );

  useEffect(() => () => current.current?.getTracks().forEach((t) => t.stop()), []);

  return { devices, deviceId, stream, problem, starting, start, stop };
}
