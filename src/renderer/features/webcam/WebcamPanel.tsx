import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { resolveQualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { ORIENTATION_TAGS, PHOTO_TAGS, type OzTag } from '../../../shared/domain/tags.js';
import { TextField } from '../../components/TextField.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectWebcamBlocker } from '../../store/slices/webcam/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ConsentCheck } from '../enroll/ConsentCheck.js';
import { FaceGuidanceOverlay } from '../face-quality/FaceGuidanceOverlay.js';
import { FaceQualityWarnings } from '../face-quality/FaceQualityWarnings.js';
import { useFaceQualityCamera } from '../face-quality/use-face-quality-camera.js';
import { captureFrame } from './capture-frame.js';
import { useCamera } from './use-camera.js';

interface WebcamPanelProps {
  /** Drawn over the live preview: the seam for the face-quality overlay (features/face-quality). */
  readonly renderOverlay?: (video: HTMLVideoElement) => ReactNode;
}

const PHOTO_TAG_CHOICES: readonly OzTag[] = [...PHOTO_TAGS, ...ORIENTATION_TAGS];

/** One person at the desk: live preview, capture through main's pipeline, name, tags, consent, enroll. */
export function WebcamPanel({ renderOverlay }: WebcamPanelProps) {
  const camera = useCamera();
  const video = useRef<HTMLVideoElement | null>(null);
  const [videoElement, setVideoElement] = useState<HTMLVideoElement | null>(null);
  const [mirrored, setMirrored] = useState(false);
  const [frameError, setFrameError] = useState<string | null>(null);
  const s = useAppStore((st) => st);
  const blocker = selectWebcamBlocker(s);

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
      setFrameError(err instanceof Error ? err.message : 'The frame could not be captured.');
    }
  };
  const thresholdOverride = s.settings?.qualityThresholds;
  const thresholds = useMemo(() => resolveQualityThresholds(thresholdOverride), [thresholdOverride]);
  // Live face checks over the preview, with the desk's thresholds. The first photo is taken by
  // itself once they pass for a second; further photos are the operator's (no silent duplicates).
  const autoCaptureWanted = !s.processingCapture && s.captures.length === 0;
  const quality = useFaceQualityCamera(videoElement, camera.stream, () => void capture(false), autoCaptureWanted, thresholds);

  return (
    <section className="enroll__panel webcam" aria-labelledby="webcam-title">
      <h3 id="webcam-title">Enroll at the webcam</h3>
      <div className="webcam__layout">
        <div className="webcam__camera">
          <div className="webcam__controls">
            {camera.devices.length > 1 && (
              <div className="field">
                <label className="field__label" htmlFor="webcam-device">
                  Camera
                </label>
                <select id="webcam-device" className="field__input" value={camera.deviceId} onChange={(e) => void camera.start(e.target.value)}>
                  {camera.devices.map((d, i) => (
                    <option key={d.deviceId} value={d.deviceId}>
                      {d.label || `Camera ${i + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {camera.stream === null ? (
              <button type="button" className="button button--secondary" disabled={camera.starting} onClick={() => void camera.start()}>
                Start camera
              </button>
            ) : (
              <button type="button" className="button button--quiet" onClick={camera.stop}>
                Stop camera
              </button>
            )}
            <label className="checkbox">
              <input type="checkbox" checked={mirrored} onChange={(e) => setMirrored(e.target.checked)} />
              <span>Mirror (the camera shows left and right swapped)</span>
            </label>
          </div>
          {camera.problem && (
            <p className="banner banner--error" role="alert">
              {camera.problem.message}
            </p>
          )}
          <div className={camera.stream ? 'webcam__preview' : 'webcam__preview webcam__preview--off'}>
            <video
              ref={(el) => {
                video.current = el;
                setVideoElement(el);
              }}
              className={mirrored ? 'webcam__video webcam__video--mirrored' : 'webcam__video'}
              aria-label="Live camera preview"
              autoPlay
              muted
              playsInline
            />
            {camera.stream === null && <span className="webcam__off-text">Camera off</span>}
            {camera.stream && videoElement ? (
              <div className="webcam__overlay">
                <FaceGuidanceOverlay guidance={quality.guidance} mirrored={mirrored} />
                {renderOverlay?.(videoElement)}
              </div>
            ) : null}
          </div>
          <div className="webcam__actions">
            <button type="button" className="button button--primary" disabled={camera.stream === null || s.processingCapture} onClick={() => void capture(false)}>
              Capture
            </button>
            <button type="button" className="button button--secondary" disabled={camera.stream === null || s.processingCapture || s.captures.length === 0} onClick={() => void capture(true)}>
              Retake
            </button>
          </div>
          {camera.stream && <FaceQualityWarnings guidance={quality.guidance} />}
          {(s.captureRefusal ?? frameError) && (
            <p className="banner banner--error" role="alert">
              Photo not usable: {s.captureRefusal ?? frameError}
            </p>
          )}
        </div>
        <div className="webcam__form">
          <TextField id="webcam-first" label="First name" value={s.webcamName.first} onChange={(first) => s.setWebcamName({ first })} autoComplete="off" />
          <TextField id="webcam-middle" label="Middle name" value={s.webcamName.middle} onChange={(middle) => s.setWebcamName({ middle })} autoComplete="off" />
          <TextField id="webcam-last" label="Last name" value={s.webcamName.last} onChange={(last) => s.setWebcamName({ last })} autoComplete="off" />
          <ul className="webcam__captures" aria-label="Captured photos">
            {s.captures.map((c, i) => (
              <li key={c.captureId} className="capture">
                <img className="capture__thumb" src={c.thumbnail} alt={`Captured photo ${i + 1}`} />
                <fieldset className="capture__tags">
                  <legend>
                    Photo {i + 1} · {c.width}×{c.height}
                  </legend>
                  {PHOTO_TAG_CHOICES.map((tag) => (
                    <label key={tag} className="checkbox checkbox--small">
                      <input type="checkbox" aria-label={`${tag} for photo ${i + 1}`} checked={c.tags.includes(tag)} onChange={() => s.toggleCaptureTag(c.captureId, tag)} />
                      <span>{tag}</span>
                    </label>
                  ))}
                </fieldset>
                {c.quality && !c.quality.passed && (
                  <div className="quality-flag">
                    <p className="quality-flag__reasons" aria-label={`Quality reasons for photo ${i + 1}`}>
                      {c.quality.issues.map((issue) => issue.message).join(' ')}
                    </p>
                    <div className="quality-flag__note">
                      <label htmlFor={`capture-note-${c.captureId}`}>Why is photo {i + 1} accepted anyway?</label>
                      <input
                        id={`capture-note-${c.captureId}`}
                        type="text"
                        value={c.qualityNote}
                        maxLength={500}
                        aria-describedby={`capture-note-${c.captureId}-hint`}
                        onChange={(e) => s.setCaptureNote(c.captureId, e.target.value)}
                      />
                      <span id={`capture-note-${c.captureId}-hint`} className="quality-flag__hint">
                        Required to enroll a flagged photo. Recorded with the enrollment and in the audit log: do not write names.
                      </span>
                    </div>
                  </div>
                )}
                <button type="button" className="button button--quiet" onClick={() => s.removeCapture(c.captureId)}>
                  Remove photo {i + 1}
                </button>
              </li>
            ))}
          </ul>
          <ConsentCheck id="webcam-consent" terms={s.consentTerms} checked={s.webcamConsent} onChange={s.setWebcamConsent} who="the person" />
          {blocker && <p className="enroll__hint">{blocker}</p>}
          <button type="button" className="button button--primary" disabled={blocker !== null || s.webcamEnrolling} onClick={() => void s.enrollWebcamPerson()}>
            Enroll person
          </button>
          {s.webcamError && (
            <p className="banner banner--error" role="alert">
              {describeError(s.webcamError)}
            </p>
          )}
          {s.webcamResult && (
            <p className="banner banner--success" role="status">
              {s.webcamResult.status === 'queued' ? 'Queued for sending:' : 'Enrolled'} {[s.webcamResult.name.first, s.webcamResult.name.last].filter((n) => n !== '').join(' ')} with {s.webcamResult.photos.length} photo
              {s.webcamResult.photos.length === 1 ? '' : 's'} ({s.webcamResult.photos.map((p) => p.tags.join(', ')).join('; ')}).
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
