import type { DuplicateChoice } from '../../../../shared/domain/duplicates.js';
import type { CheckPersonInput } from '../../../../shared/domain/enroll.js';
import type { AppState } from '../../app-state.js';
import { checkedFor, duplicateField, needsReview, selectPersonCheckBlocker } from './selectors.js';
import type { PersonCheckForm } from './state.js';

/**
 * How long a press waits for a check that has not answered yet. A link that swallows packets
 * looks like a slow Oz until main's 2 s bound, and an offline enrollment must answer within
 * 300 ms (issue 12), so past this the person is enrolled with the check marked not done:
 * the check normally answered while the operator looked at the form (it starts once complete).
 */
export const PRESS_WAITS_FOR_CHECK_MS = 25;

export interface Reviewed {
  /** `enroll:enrollPerson`'s `duplicate` field, when the operator chose for a flagged person. */
  readonly request: { readonly duplicate?: { readonly checkId: string; readonly choice: DuplicateChoice } };
}

const within = <T>(answer: Promise<T>, ms: number): Promise<{ readonly value: T } | null> =>
  Promise.race([answer.then((value) => ({ value })), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);

/**
 * The step before a form or webcam "Enroll". The check normally ran as the form became complete,
 * its verdict already on screen; otherwise this press runs it (or awaits the one running), for
 * PRESS_WAITS_FOR_CHECK_MS at most. A verdict the operator has not seen yet stops there (shown
 * with its choices), and the next press enrolls with the choice made. Null means "not now".
 */
export async function reviewBeforeEnroll(get: () => AppState, form: PersonCheckForm, input: CheckPersonInput): Promise<Reviewed | null> {
  const unseen = get().personChecks[form]?.status === 'checking';
  const ready = checkedFor(get().personChecks[form], input.collectionId);
  if (ready === null) {
    const answer: Promise<unknown> = unseen ? get().personCheckSettled(form) : get().checkPersonDuplicates(form, input);
    if ((await within(answer, PRESS_WAITS_FOR_CHECK_MS)) === null) {
      // Not answered in time: enroll now, saying the check was not done.
      get().markPersonCheckUnanswered(form, input.collectionId);
      return { request: {} };
    }
  }
  const checked = checkedFor(get().personChecks[form], input.collectionId);
  // The check failed: its error is on screen.
  if (checked === null) return null;
  // A verdict that arrived with this press has not been seen: one to review stops here.
  if (ready === null && needsReview(checked.check)) return null;
  // A flagged person without a (complete) choice is not enrolled, whatever calls this.
  return selectPersonCheckBlocker(checked) === null ? { request: duplicateField(checked) } : null;
}
