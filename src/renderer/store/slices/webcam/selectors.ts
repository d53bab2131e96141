import { codesNeedingOverride } from '../../../../shared/domain/quality-acceptance.js';
import { t } from '../../../i18n/index.js';
import type { AppState } from '../../app-state.js';

/** What still stops a webcam enrollment, in the order the operator fills the form; null when ready. */
export function selectWebcamBlocker(s: AppState): string | null {
  if (s.enrollCollectionId.trim() === '') return t('webcam.blocker.collection');
  if (s.webcamName.first.trim() === '' && s.webcamName.last.trim() === '') return t('webcam.blocker.name');
  if (s.captures.length === 0) return t('webcam.blocker.photo');
  if (s.captures.some((c) => !c.tags.some((t) => t.startsWith('photo_')))) return t('webcam.blocker.tag');
  if (s.captures.some((c) => codesNeedingOverride(c.quality).length > 0 && c.qualityNote.trim().length < 3)) {
    return t('webcam.blocker.note');
  }
  if (!s.webcamConsent) return t('webcam.blocker.consent');
  return null;
}

/** Everything but the photo is filled in: only then may the camera take the first photo by itself. */
export function selectWebcamReadyForPhoto(s: AppState): boolean {
  const named = s.webcamName.first.trim() !== '' || s.webcamName.last.trim() !== '';
  return s.enrollCollectionId.trim() !== '' && named && s.webcamConsent;
}
