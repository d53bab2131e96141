import type { DuplicateChoice, PersonDuplicateCheck } from '../../../../shared/domain/duplicates.js';
import { t } from '../../../i18n/index.js';
import type { PersonCheckDraft } from './state.js';

/**
 * The operator must see this verdict before enrolling: someone matched, or a photo is already
 * enrolled. That Oz was not asked (offline) is said, but does not hold up an offline-first desk.
 */
export function needsReview(check: PersonDuplicateCheck): boolean {
  return check.candidates.length > 0 || check.samePhotos.some((p) => p.reason === 'already_enrolled');
}

/** The verdict says something worth keeping on screen after the person was enrolled. */
export function hasNote(check: PersonDuplicateCheck): boolean {
  return (check.summary.state !== 'done' && check.summary.state !== 'off') || check.samePhotos.length > 0;
}

/** What the check still asks of the operator before "Enroll"; null when nothing. */
export function selectPersonCheckBlocker(draft: PersonCheckDraft | undefined): string | null {
  if (draft?.status === 'checking') return t('personCheck.blocker.checking');
  if (draft?.status !== 'checked' || draft.spent || draft.check.candidates.length === 0) return null;
  if (draft.choice === undefined) return t('personCheck.blocker.choose');
  if (draft.choice.action === 'new' && draft.choice.note.trim().length < 3) return t('personCheck.blocker.note');
  return null;
}

/** The verdict to enroll under, when it is for this collection; null means "check first". */
export function checkedFor(draft: PersonCheckDraft | undefined, collectionId: string): (PersonCheckDraft & { readonly status: 'checked' }) | null {
  return draft?.status === 'checked' && !draft.spent && draft.collectionId === collectionId ? draft : null;
}

/** `enroll:enrollPerson`'s `duplicate` field: the choice, when the check flagged someone. */
export function duplicateField(draft: PersonCheckDraft & { readonly status: 'checked' }): { readonly duplicate?: { readonly checkId: string; readonly choice: DuplicateChoice } } {
  const choice = draft.choice;
  if (draft.check.candidates.length === 0 || choice === undefined) return {};
  const chosen: DuplicateChoice = choice.action === 'new' ? { action: 'new', note: choice.note.trim() } : choice;
  return { duplicate: { checkId: draft.check.checkId, choice: chosen } };
}
