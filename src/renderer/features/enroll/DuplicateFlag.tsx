import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates.js';
import { CopyableId } from '../../components/CopyableId.js';
import { t } from '../../i18n/index.js';
import type { DuplicateChoiceDraft } from '../../store/slices/enroll/state.js';

interface DuplicateFlagProps {
  readonly personName: string;
  readonly candidates: readonly DuplicateCandidate[];
  readonly choice: DuplicateChoiceDraft | undefined;
  readonly locked: boolean;
  readonly onChoose: (choice: DuplicateChoiceDraft) => void;
}

const nameOf = (c: DuplicateCandidate): string =>
  (c.name === null ? '' : [c.name.first, c.name.middle, c.name.last].filter((s) => s !== '').join(' ')) || t('enroll.duplicate.unnamed');

const scoreOf = (c: DuplicateCandidate): string =>
  c.score === null ? (c.via === 'name_index' ? t('enroll.duplicate.sameName') : t('enroll.duplicate.noScore')) : t('enroll.duplicate.score', { score: c.score });

/** One candidate: name, the short id with a copy button, and how sure the check is. */
function Candidate({ candidate }: { readonly candidate: DuplicateCandidate }) {
  return (
    <>
      {nameOf(candidate)} (<CopyableId id={candidate.personId} what={t('enroll.duplicate.personId')} />, {scoreOf(candidate)})
    </>
  );
}

/**
 * A person the 1:N check says may already be enrolled: who, and the operator's three ways
 * on: add the photos to that person, enroll a new person anyway (with a note for the audit
 * log), or skip. Without a choice the person is not enrolled.
 */
export function DuplicateFlag({ personName, candidates, choice, locked, onChoose }: DuplicateFlagProps) {
  const { t } = useTranslation();
  const groupId = useId();
  const best = candidates[0];
  if (best === undefined) return null;
  const note = choice?.action === 'new' ? choice.note : '';
  const noteTooShort = choice?.action === 'new' && note.trim().length < 3;
  return (
    <div className="duplicate-flag" role="group" aria-labelledby={groupId}>
      <p id={groupId} className="duplicate-flag__title">
        {t('enroll.duplicate.title')} <strong>{nameOf(best)}</strong> (<CopyableId id={best.personId} what={t('enroll.duplicate.personId')} />, {scoreOf(best)})
        {best.fileName ? <span className="dry-run__muted"> · {t('enroll.duplicate.matched', { file: best.fileName })}</span> : null}
      </p>
      {candidates.length > 1 && (
        <ul className="duplicate-flag__others" aria-label={t('enroll.duplicate.others', { name: personName })}>
          {candidates.slice(1).map((c) => (
            <li key={c.personId}>
              <Candidate candidate={c} />
            </li>
          ))}
        </ul>
      )}
      <div className="duplicate-flag__choices">
        <label>
          <input type="radio" name={groupId} checked={choice?.action === 'add'} disabled={locked} onChange={() => onChoose({ action: 'add', personId: best.personId })} />{' '}
          {t('enroll.duplicate.add')}
        </label>
        <label>
          <input type="radio" name={groupId} checked={choice?.action === 'new'} disabled={locked} onChange={() => onChoose({ action: 'new', note })} />{' '}
          {t('enroll.duplicate.new')}
        </label>
        <label>
          <input type="radio" name={groupId} checked={choice?.action === 'skip'} disabled={locked} onChange={() => onChoose({ action: 'skip' })} /> {t('enroll.duplicate.skip')}
        </label>
      </div>
      {choice?.action === 'new' && (
        <label className="duplicate-flag__note">
          {t('enroll.duplicate.why', { name: personName })}
          <input type="text" value={note} maxLength={500} disabled={locked} aria-invalid={noteTooShort} onChange={(e) => onChoose({ action: 'new', note: e.target.value })} />
          <span className="quality-flag__hint">{t('enroll.duplicate.noteHint')}</span>
        </label>
      )}
      {choice === undefined && <p className="duplicate-flag__hint">{t('enroll.duplicate.choose', { name: personName })}</p>}
    </div>
  );
}
