import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectWebcamBlocker, selectWebcamFormBlocker } from '../../store/slices/webcam/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ConsentCheck } from '../enroll/ConsentCheck.js';
import { PersonDuplicateReview } from '../enroll/PersonDuplicateReview.js';
import { usePersonPreCheck } from '../enroll/use-person-pre-check.js';
import { CaptureList } from './CaptureList.js';
import { WebcamResult } from './WebcamResult.js';

/** Beside the camera: the person's name, the photos taken, consent and Enroll. */
export function WebcamPerson() {
  const s = useAppStore((st) => st);
  const blocker = selectWebcamBlocker(s);
  const { t } = useTranslation();
  const result = s.webcamResult;
  const personName = [s.webcamName.first, s.webcamName.middle, s.webcamName.last].filter((n) => n.trim() !== '').join(' ');
  const complete = selectWebcamFormBlocker(s) === null;
  const { enrollCollectionId, webcamName, captures } = s;
  const checkInput = useMemo(
    () => (complete ? { collectionId: enrollCollectionId, name: webcamName, photos: captures.map((c) => ({ captureId: c.captureId })) } : null),
    [complete, enrollCollectionId, webcamName, captures],
  );
  usePersonPreCheck('webcam', checkInput);
  return (
    <div className="webcam__form">
      <div className="webcam__names">
        <TextField id="webcam-first" label={t('person.firstName')} value={s.webcamName.first} onChange={(first) => s.setWebcamName({ first })} autoComplete="off" />
        <TextField id="webcam-middle" label={t('person.middleName')} value={s.webcamName.middle} onChange={(middle) => s.setWebcamName({ middle })} autoComplete="off" />
        <TextField id="webcam-last" label={t('person.lastName')} value={s.webcamName.last} onChange={(last) => s.setWebcamName({ last })} autoComplete="off" />
      </div>
      <CaptureList />
      <ConsentCheck id="webcam-consent" terms={s.consentTerms} checked={s.webcamConsent} onChange={s.setWebcamConsent} who={t('enroll.consent.whoPerson')} />
      <PersonDuplicateReview form="webcam" personName={personName} actionLabel={t('webcam.enroll')} locked={s.webcamEnrolling} />
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
