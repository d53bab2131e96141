import { useTranslation } from 'react-i18next';
import { CopyableId } from '../../components/CopyableId.js';
import { describeError } from '../../ipc/describe-error.js';
import { needsReview } from '../../store/slices/person-check/selectors.js';
import type { PersonCheckForm } from '../../store/slices/person-check/state.js';
import { useAppStore } from '../../store/store-context.js';
import { DuplicateCheckNote } from './DuplicateCheckNote.js';
import { DuplicateFlag } from './DuplicateFlag.js';

/**
 * The 1:N check of the person on the form or at the webcam, before "Enroll": who they may
 * already be (with the three choices), photos the desk already holds, and whether Oz was asked.
 */
interface PersonDuplicateReviewProps {
  readonly form: PersonCheckForm;
  readonly personName: string;
  /** The button that enrolls, as the operator reads it. */
  readonly actionLabel: string;
  readonly locked: boolean;
}

export function PersonDuplicateReview({ form, personName, actionLabel, locked }: PersonDuplicateReviewProps) {
  const { t } = useTranslation();
  const draft = useAppStore((s) => s.personChecks[form]);
  const choose = useAppStore((s) => s.choosePersonDuplicate);
  if (draft === undefined) return null;
  if (draft.status === 'checking') {
    return (
      <p className="enroll__hint" role="status">
        {t('personCheck.checking')}
      </p>
    );
  }
  if (draft.status === 'failed') {
    return (
      <p className="banner banner--error" role="alert">
        {t('personCheck.failed', { reason: describeError(draft.error) })}
      </p>
    );
  }
  const { check } = draft;
  if (draft.spent) return <DuplicateCheckNote summary={check.summary} />;
  return (
    <div className="person-check" role="region" aria-label={t('personCheck.name')}>
      <DuplicateCheckNote summary={check.summary} />
      {check.summary.state === 'done' && !needsReview(check) && check.samePhotos.length === 0 && (
        <p className="enroll__hint" role="status">
          {t('personCheck.clear')}
        </p>
      )}
      {check.samePhotos.length > 0 && (
        <ul className="dry-run__issues">
          {check.samePhotos.map((p) => (
            <li key={p.photo} className="issue issue--duplicate">
              {t(`personCheck.samePhoto.${p.reason}`, { n: p.photo })}
              {p.personId !== null && (
                <>
                  {' '}
                  (<CopyableId id={p.personId} what={t('enroll.duplicate.personId')} />)
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <DuplicateFlag personName={personName} candidates={check.candidates} choice={draft.choice} locked={locked} onChoose={(choice) => choose(form, choice)} />
      {check.candidates.length === 0 && needsReview(check) && <p className="enroll__hint">{t('personCheck.pressAgain', { action: actionLabel })}</p>}
    </div>
  );
}
