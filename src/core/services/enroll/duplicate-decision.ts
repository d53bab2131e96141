import type { DuplicateCandidate, DuplicateChoice } from '../../../shared/domain/duplicates.js';
import { assertNever } from '../../../shared/result.js';

export type DuplicateDecision =
  | { readonly kind: 'proceed'; readonly addTo: string | null; readonly override: { readonly of: string; readonly note: string } | null }
  | { readonly kind: 'skip'; readonly message: string };

const PROCEED: DuplicateDecision = { kind: 'proceed', addTo: null, override: null };

/** "Ann Lee (id …, score 0.97)", as the report and the results say it. */
export function describeCandidate(c: DuplicateCandidate): string {
  const name = c.name === null ? '' : [c.name.first, c.name.middle, c.name.last].filter((s) => s !== '').join(' ');
  const score = c.score === null ? (c.via === 'name_index' ? 'same name' : 'no score') : `score ${c.score.toFixed(2)}`;
  return `${name === '' ? 'a person' : name} (id ${c.personId}, ${score})`;
}

/**
 * What to do with a person the 1:N check flagged: nothing to decide without a candidate;
 * otherwise the operator's choice, and no choice holds the person back.
 */
export function decideDuplicate(candidates: readonly DuplicateCandidate[], choice: DuplicateChoice | undefined): DuplicateDecision {
  const first = candidates[0];
  if (first === undefined) return PROCEED;
  const of = describeCandidate(first);
  if (choice === undefined) {
    return { kind: 'skip', message: `Not enrolled: possible duplicate of ${of}. Choose "Add to that person", "Enroll as new person" (with a note) or "Skip".` };
  }
  switch (choice.action) {
    case 'skip':
      return { kind: 'skip', message: `Skipped: possible duplicate of ${of}.` };
    case 'add':
      if (!candidates.some((c) => c.personId === choice.personId)) {
        return { kind: 'skip', message: `Not enrolled: person ${choice.personId} is not among the possible duplicates the check found.` };
      }
      return { kind: 'proceed', addTo: choice.personId, override: null };
    case 'new':
      return { kind: 'proceed', addTo: null, override: { of: first.personId, note: choice.note } };
    default:
      return assertNever(choice);
  }
}
