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

/** Not flagged by the 1:N check, or the operator chose "add to that person" or "new person" with a note. */
export const isDuplicateCleared = (s: Pick<EnrollState, 'duplicateChoices'>, person: PersonReportView): boolean => {
  if ((person.possibleDuplicates?.length ?? 0) === 0) return true;
  const choice = s.duplicateChoices[person.key];
  return choice?.action === 'add' || (choice?.action === 'new' && choice.note.trim().length >= MIN_QUALITY_NOTE);
};

/** Persons that would be enrolled: ticked, cleared of a possible duplicate, with an accepted photo that passed or was cleared. */
export const selectEnrollablePersons = (s: EnrollState): number =>
  selectIncludedPersons(s).filter((p) => isDuplicateCleared(s, p) && p.photos.some((photo) => photo.status === 'accepted' && isPhotoCleared(s, photo))).length;

/** "Enroll as new person" chosen without a note. */
export const selectMissingDuplicateNotes = (s: EnrollState): number =>
  Object.values(s.duplicateChoices).filter((c) => c.action === 'new' && c.note.trim().length < MIN_QUALITY_NOTE).length;

/** "Accept anyway" ticked without a note: the operator must say why first. */
export const selectMissingQualityNotes = (s: EnrollState): number =>
  Object.entries(s.qualityNotes).filter(([, note]) => note.trim().length < MIN_QUALITY_NOTE).length;

export const selectCanConfirm = (s: EnrollState): boolean =>
  s.scanPhase === 'finished' &&
  !s.enrolling &&
  s.importOutcome === null &&
  s.importConsent &&
  selectMissingQualityNotes(s) === 0 &&
  selectMissingDuplicateNotes(s) === 0 &&
  selectEnrollablePersons(s) > 0;

export const selectCanScan = (s: EnrollState): boolean =>
  s.scanPhase !== 'scanning' && !s.enrolling && (s.dropped !== null || s.folderPath.trim() !== '') && s.enrollCollectionId.trim() !== '';
