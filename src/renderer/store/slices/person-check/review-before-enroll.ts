import type { DuplicateChoice } from '../../../../shared/domain/duplicates.js';
import type { CheckPersonInput } from '../../../../shared/domain/enroll.js';
import type { AppState } from '../../app-state.js';
import { checkedFor, duplicateField, needsReview, selectPersonCheckBlocker } from './selectors.js';
import type { PersonCheckForm } from './state.js';

/**
 * The step before a form or webcam "Enroll": the first press runs the 1:N check; a verdict the
 * operator should see stops there (shown with its choices), and the next press enrolls with the
 * choice made. Null means "not now".
 */
export async function reviewBeforeEnroll(
  get: () => AppState,
  form: PersonCheckForm,
  input: CheckPersonInput,
): Promise<{ readonly duplicate?: { readonly checkId: string; readonly choice: DuplicateChoice } } | null> {
  const checked = checkedFor(get().personChecks[form], input.collectionId);
  // A flagged person without a (complete) choice is not enrolled, whatever calls this.
  if (checked !== null) return selectPersonCheckBlocker(checked) === null ? duplicateField(checked) : null;
  const check = await get().checkPersonDuplicates(form, input);
  if (check === null || needsReview(check)) return null;
  return {};
}
