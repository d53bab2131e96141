import { useId } from 'react';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates.js';
import type { DuplicateChoiceDraft } from '../../store/slices/enroll/state.js';

interface DuplicateFlagProps {
  readonly personName: string;
  readonly candidates: readonly DuplicateCandidate[];
  readonly choice: DuplicateChoiceDraft | undefined;
  readonly locked: boolean;
  readonly onChoose: (choice: DuplicateChoiceDraft) => void;
}

const nameOf = (c: DuplicateCandidate): string =>
  c.name === null ? 'an unnamed person' : [c.name.first, c.name.middle, c.name.last].filter((s) => s !== '').join(' ') || 'an unnamed person';

const scoreOf = (c: DuplicateCandidate): string =>
  c.score === null ? (c.via === 'name_index' ? 'same name' : 'no score') : `score ${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(c.score)}`;

/**
 * A person the 1:N check says may already be enrolled: who, and the operator's three ways
 * on: add the photos to that person, enroll a new person anyway (with a note for the audit
 * log), or skip. Without a choice the person is not enrolled.
 */
export function DuplicateFlag({ personName, candidates, choice, locked, onChoose }: DuplicateFlagProps) {
  const groupId = useId();
  const best = candidates[0];
  if (best === undefined) return null;
  const note = choice?.action === 'new' ? choice.note : '';
  const noteTooShort = choice?.action === 'new' && note.trim().length < 3;
  return (
    <div className="duplicate-flag" role="group" aria-labelledby={groupId}>
      <p id={groupId} className="duplicate-flag__title">
        Possible duplicate of <strong>{nameOf(best)}</strong> (id {best.personId}, {scoreOf(best)})
        {best.fileName ? <span className="dry-run__muted"> · matched {best.fileName}</span> : null}
      </p>
      {candidates.length > 1 && (
        <ul className="duplicate-flag__others" aria-label={`Other possible matches for ${personName}`}>
          {candidates.slice(1).map((c) => (
            <li key={c.personId}>
              {nameOf(c)} (id {c.personId}, {scoreOf(c)})
            </li>
          ))}
        </ul>
      )}
      <div className="duplicate-flag__choices">
        <label>
          <input type="radio" name={groupId} checked={choice?.action === 'add'} disabled={locked} onChange={() => onChoose({ action: 'add', personId: best.personId })} />{' '}
          Add to that person
        </label>
        <label>
          <input type="radio" name={groupId} checked={choice?.action === 'new'} disabled={locked} onChange={() => onChoose({ action: 'new', note })} /> Enroll as new
          person
        </label>
        <label>
          <input type="radio" name={groupId} checked={choice?.action === 'skip'} disabled={locked} onChange={() => onChoose({ action: 'skip' })} /> Skip
        </label>
      </div>
      {choice?.action === 'new' && (
        <label className="duplicate-flag__note">
          Why is {personName} a new person?
          <input type="text" value={note} maxLength={500} disabled={locked} aria-invalid={noteTooShort} onChange={(e) => onChoose({ action: 'new', note: e.target.value })} />
          <span className="quality-flag__hint">Required. Recorded in the audit log: do not write names.</span>
        </label>
      )}
      {choice === undefined && <p className="duplicate-flag__hint">Choose one: until then {personName} is not enrolled.</p>}
    </div>
  );
}
