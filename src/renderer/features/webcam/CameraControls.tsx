import { useTranslation } from 'react-i18next';
import type { useCamera } from './use-camera.js';

interface CameraControlsProps {
  readonly camera: ReturnType<typeof useCamera>;
  readonly mirrored: boolean;
  readonly onMirrored: (mirrored: boolean) => void;
}

/** Which camera, on or off, mirrored or not; and why the camera cannot start. */
export function CameraControls({ camera, mirrored, onMirrored }: CameraControlsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="webcam__controls">
        {camera.devices.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor="webcam-device">
              {t('webcam.camera')}
            </label>
            <select id="webcam-device" className="field__input" value={camera.deviceId} onChange={(e) => void camera.start(e.target.value)}>
              {camera.devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('webcam.cameraN', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        )}
        {camera.stream === null ? (
          <button type="button" className="button button--secondary" disabled={camera.starting} onClick={() => void camera.start()}>
            {t('webcam.start')}
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={camera.stop}>
            {t('webcam.stop')}
          </button>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={mirrored} onChange={(e) => onMirrored(e.target.checked)} />
          <span>{t('webcam.mirror')}</span>
        </label>
      </div>
      {camera.problem && (
        <p className="banner banner--error" role="alert">
          {camera.problem.message}
        </p>
      )}
    </>
  );
}
