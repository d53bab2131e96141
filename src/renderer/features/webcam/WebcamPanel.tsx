import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveQualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { selectWebcamReadyForPhoto } from '../../store/slices/webcam/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { FaceGuidanceOverlay } from '../face-quality/FaceGuidanceOverlay.js';
import { FaceQualityWarnings } from '../face-quality/FaceQualityWarnings.js';
import { useFaceQualityCamera } from '../face-quality/use-face-quality-camera.js';
import { CameraControls } from './CameraControls.js';
import { captureFrame } from './capture-frame.js';
import { useCamera } from './use-camera.js';
import { WebcamPerson } from './WebcamPerson.js';

interface WebcamPanelProps {
  /** Drawn over the live preview: the seam for the face-quality overlay (features/face-quality). */
  readonly renderOverlay?: (video: HTMLVideoElement) => ReactNode;
}

/** One person at the desk: live preview, capture through main's pipeline, name, tags, consent, enroll. */
export function WebcamPanel({ renderOverlay }: WebcamPanelProps) {
  const camera = useCamera();
  const video = useRef<HTMLVideoElement | null>(null);
  const [videoElement, setVideoElement] = useState<HTMLVideoElement | null>(null);
  const [mirrored, setMirrored] = useState(false);
  const [whenReady, setWhenReady] = useState(false);
  const [frameError, setFrameError] = useState<string | null>(null);
  const s = useAppStore((st) => st);
  const readyForPhoto = selectWebcamReadyForPhoto(s);
  const { t } = useTranslation();

  useEffect(() => {
    if (video.current) video.current.srcObject = camera.stream;
  }, [camera.stream]);

  const capture = async (replaceLast: boolean): Promise<void> => {
    if (!video.current) return;
    setFrameError(null);
    try {
      const frame = await captureFrame(video.current);
      const last = s.captures.at(-1);
      if (replaceLast && last) s.removeCapture(last.captureId);
      await s.captureFrame(frame, mirrored);
    } catch (err) {
      setFrameError(err instanceof Error ? err.message : t('webcam.frameFailed'));
    }
  };
  const thresholdOverride = s.settings?.qualityThresholds;
  const thresholds = useMemo(() => resolveQualityThresholds(thresholdOverride), [thresholdOverride]);
  // The first photo is taken by itself only when the operator asked for it ("Capture when
  // ready") and the form needs nothing but the photo; further photos are the operator's.
  const autoCaptureWanted = whenReady && readyForPhoto && !s.processingCapture && s.captures.length === 0;
  const quality = useFaceQualityCamera(videoElement, camera.stream, () => void capture(false), autoCaptureWanted, thresholds);
  const refusal = s.captureRefusal ?? frameError;

  return (
    <section className="enroll__panel webcam" aria-labelledby="webcam-title">
      <h2 id="webcam-title">{t('webcam.title')}</h2>
      <div className="webcam__layout">
        <div className="webcam__camera">
          <CameraControls camera={camera} mirrored={mirrored} onMirrored={setMirrored} />
          <div className={camera.stream ? 'webcam__preview' : 'webcam__preview webcam__preview--off'}>
            <video
              ref={(el) => {
                video.current = el;
                setVideoElement(el);
              }}
              className={mirrored ? 'webcam__video webcam__video--mirrored' : 'webcam__video'}
              aria-label={t('webcam.preview')}
              autoPlay
              muted
              playsInline
            />
            {camera.stream === null && <span className="webcam__off-text">{t('webcam.off')}</span>}
            {camera.stream && videoElement ? (
              <div className="webcam__overlay">
                <FaceGuidanceOverlay guidance={quality.guidance} mirrored={mirrored} />
                {renderOverlay?.(videoElement)}
              </div>
            ) : null}
          </div>
          <div className="webcam__actions">
            <button type="button" className="button button--primary" disabled={camera.stream === null || s.processingCapture} onClick={() => void capture(false)}>
              {t('webcam.capture')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={camera.stream === null || s.processingCapture || s.captures.length === 0}
              onClick={() => void capture(true)}
            >
              {t('webcam.retake')}
            </button>
            <label className="checkbox">
              <input type="checkbox" checked={whenReady} aria-describedby="webcam-when-ready-hint" onChange={(e) => setWhenReady(e.target.checked)} />
              <span>{t('webcam.whenReady')}</span>
            </label>
          </div>
          <p id="webcam-when-ready-hint" className="enroll__hint">
            {whenReady && !readyForPhoto ? t('webcam.whenReadyWaiting') : t('webcam.whenReadyHint')}
          </p>
          {camera.stream && <FaceQualityWarnings guidance={quality.guidance} />}
          {refusal && (
            <p className="banner banner--error" role="alert">
              {t('webcam.notUsable', { reason: refusal })}
            </p>
          )}
        </div>
        <WebcamPerson />
      </div>
    </section>
  );
}
