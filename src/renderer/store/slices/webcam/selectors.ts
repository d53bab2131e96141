import { codesNeedingOverride } from '../../../../shared/domain/quality-acceptance.js';
import type { AppState } from '../../app-state.js';

/** What still stops a webcam enrollment, in the order the operator fills the form; null when ready. */
export function selectWebcamBlocker(s: AppState): string | null {
  if (s.enrollCollectionId.trim() === '') return 'Choose a collection.';
  if (s.webcamName.first.trim() === '' && s.webcamName.last.trim() === '') return 'Enter the person’s name.';
  if (s.captures.length === 0) return 'Capture at least one photo.';
  if (s.captures.some((c) => !c.tags.some((t) => t.startsWith('photo_')))) return 'Every photo needs a photo tag.';
  if (s.captures.some((c) => codesNeedingOverride(c.quality).length > 0 && c.qualityNote.trim().length < 3)) {
    return 'A flagged photo needs a note saying why it is accepted (no names), or remove it.';
  }
  if (!s.webcamConsent) return 'Confirm the person’s consent.';
  return null;
}
