import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectWebcamBlocker } from '../../store/slices/webcam/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ConsentCheck } from '../enroll/ConsentCheck.js';
import { CaptureList } from './CaptureList.js';
import { WebcamResult } from './WebcamResult.js';

/** Beside the camera: the person's name, the photos taken, consent and Enroll. */
export function WebcamPerson() {
  const s = useAppStore((st) => st);
  const blocker = selectWebcamBlocker(s);
  const { t } = useTranslation();
  const result = s.webcamResult;
  return (
    <div className="webcam__form">
      <div className="webcam__names">
        <TextField id="webcam-first" label={t('person.firstName')} value={s.webcamName.first} onChange={(first) => s.setWebcamName({ first })} autoComplete="off" />
        <TextField id="webcam-middle" label={t('person.middleName')} value={s.webcamName.middle} onChange={(middle) => s.setWebcamName({ middle })} autoComplete="off" />
        <TextField id="webcam-last" label={t('person.lastName')} value={s.webcamName.last} onChange={(last) => s.setWebcamName({ last })} autoComplete="off" />
      </div>
      <CaptureList />
      <ConsentCheck id="webcam-consent" terms={s.consentTerms} checked={s.webcamConsent} onChange={s.setWebcamConsent} who={t('enroll.consent.whoPerson')} />
      {blocker && <p className="enroll__hint">{blocker}</p>}
      <button type="button" className="button button--primary" disabled={blocker !== null || s.webcamEnrolling} onClick={() => void s.enrollWebcamPerson()}>
        {t('webcam.enroll')}
      </button>
      {s.webcamError && (
        <p className="banner banner--error" role="alert">
          {describeError(s.webcamError)}
        </p>
      )}
      {result && <WebcamResult result={result} />}
    </div>
  );
}
