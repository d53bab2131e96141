import type { PersonReportView } from '../../../../shared/domain/enroll.js';
import type { EnrollState } from './state.js';

export const selectIncludedPersons = (s: EnrollState): readonly PersonReportView[] =>
  (s.report?.persons ?? []).filter((p) => !s.excluded[p.key]);

/** Persons that would be enrolled: ticked and with at least one accepted photo. */
export const selectEnrollablePersons = (s: EnrollState): number =>
  selectIncludedPersons(s).filter((p) => p.photos.some((photo) => photo.status === 'accepted')).length;

export const selectCanConfirm = (s: EnrollState): boolean =>
  s.scanPhase === 'finished' && !s.enrolling && s.importOutcome === null && s.importConsent && selectEnrollablePersons(s) > 0;

export const selectCanScan = (s: EnrollState): boolean =>
  s.scanPhase !== 'scanning' && !s.enrolling && s.folderPath.trim() !== '' && s.enrollCollectionId.trim() !== '';
