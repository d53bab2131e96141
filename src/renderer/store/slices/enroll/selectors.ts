import type { PersonReportView, PhotoReportView } from '../../../../shared/domain/enroll.js';
import { codesNeedingOverride } from '../../../../shared/domain/quality-acceptance.js';
import type { EnrollState } from './state.js';

/** A note short enough to say nothing is no note: the same minimum as main's schema. */
export const MIN_QUALITY_NOTE = 3;

type QualityChoices = Pick<EnrollState, 'qualityNotes' | 'keepLargest'>;

/** The photo passed the checks, or the operator's choices (face crop, accept with a note) cover every flag. */
export const isPhotoCleared = (s: QualityChoices, photo: PhotoReportView): boolean => {
  const needed = codesNeedingOverride(photo.quality, s.keepLargest[photo.path] === true);
  return needed.length === 0 || (s.qualityNotes[photo.path]?.trim().length ?? 0) >= MIN_QUALITY_NOTE;
};

export const isPhotoFlagged = (photo: PhotoReportView): boolean => photo.status === 'accepted' && photo.quality?.passed === false;

export const selectIncludedPersons = (s: EnrollState): readonly PersonReportView[] =>
  (s.report?.persons ?? []).filter((p) => !s.excluded[p.key]);

/** Persons that would be enrolled: ticked and with at least one accepted photo that passed or was cleared. */
export const selectEnrollablePersons = (s: EnrollState): number =>
  selectIncludedPersons(s).filter((p) => p.photos.some((photo) => photo.status === 'accepted' && isPhotoCleared(s, photo))).length;

/** "Accept anyway" ticked without a note: the operator must say why first. */
export const selectMissingQualityNotes = (s: EnrollState): number =>
  Object.entries(s.qualityNotes).filter(([, note]) => note.trim().length < MIN_QUALITY_NOTE).length;

export const selectCanConfirm = (s: EnrollState): boolean =>
  s.scanPhase === 'finished' &&
  !s.enrolling &&
  s.importOutcome === null &&
  s.importConsent &&
  selectMissingQualityNotes(s) === 0 &&
  selectEnrollablePersons(s) > 0;

export const selectCanScan = (s: EnrollState): boolean =>
  s.scanPhase !== 'scanning' && !s.enrolling && s.folderPath.trim() !== '' && s.enrollCollectionId.trim() !== '';
