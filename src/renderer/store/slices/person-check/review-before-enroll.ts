import type { DuplicateChoice } from '../../../../shared/domain/duplicates.js';
import type { CheckPersonInput } from '../../../../shared/domain/enroll.js';
import type { AppState } from '../../app-state.js';
import { checkedFor, duplicateField, needsReview, selectPersonCheckBlocker } from './selectors.js';
import type { PersonCheckForm } from './state.js';

/**
 * The step before a form or webcam "Enroll". The check normally ran as the form became complete,
 * its verdict already on screen; otherwise this press runs it (or awaits the one running). A
 * verdict the operator has not seen yet stops there (shown with its choices), and the next
 * press enrolls with the choice made. Null means "not now".
 */
export async function reviewBeforeEnroll(
  get: () => AppState,
  form: PersonCheckForm,
  input: CheckPersonInput,
): Promise<{ readonly duplicate?: { readonly checkId: string; readonly choice: DuplicateChoice } } | null> {
  // The check started as the form became complete: its answer (bounded in main) is the one to use.
  const unseen = get().personChecks[form]?.status === 'checking';
  await get().personCheckSettled(form);
  const checked = checkedFor(get().personChecks[form], input.collectionId);
  if (checked !== null && unseen && needsReview(checked.check)) return null;
  // A flagged person without a (complete) choice is not enrolled, whatever calls this.
  if (checked !== null) return selectPersonCheckBlocker(checked) === null ? duplicateField(checked) : null;
  const check = await get().checkPersonDuplicates(form, input);
  if (check === null || needsReview(check)) return null;
  return {};
}
