import type { PersonDuplicateCheck } from '../../../../shared/domain/duplicates.js';
import type { CheckPersonInput } from '../../../../shared/domain/enroll.js';
import type { AppError } from '../../../../shared/result.js';
import type { DuplicateChoiceDraft } from '../enroll/state.js';

/** The two single-person paths that check before "Enroll". */
export type PersonCheckForm = 'form' | 'webcam';

/** The 1:N check of the person being entered: running, failed, or its verdict and the operator's choice. */
export type PersonCheckDraft =
  | { readonly status: 'checking' }
  | { readonly status: 'failed'; readonly error: AppError }
  | {
      readonly status: 'checked';
      readonly collectionId: string;
      readonly check: PersonDuplicateCheck;
      readonly choice: DuplicateChoiceDraft | undefined;
      /** The person was enrolled under it: kept only to say what the check could not do. */
      readonly spent?: boolean;
    };

export interface PersonCheckState {
  readonly personChecks: Readonly<Partial<Record<PersonCheckForm, PersonCheckDraft>>>;
}

export interface PersonCheckActions {
  /** Asks main (`enroll:checkPerson`); null when the check could not run (the draft says why). */
  checkPersonDuplicates(form: PersonCheckForm, input: CheckPersonInput): Promise<PersonDuplicateCheck | null>;
  /** The person just became complete: check them now, unless a check or verdict is already there. */
  preCheckPerson(form: PersonCheckForm, input: CheckPersonInput): void;
  /** Resolves once the check running for this form (started as the form became complete) has answered. */
  personCheckSettled(form: PersonCheckForm): Promise<void>;
  choosePersonDuplicate(form: PersonCheckForm, choice: DuplicateChoiceDraft): void;
  /** Oz had not answered by the press: the person is enrolled, and the form says the check was not done. */
  markPersonCheckUnanswered(form: PersonCheckForm, collectionId: string): void;
  /** The name, photos or collection changed: the verdict no longer holds. */
  clearPersonCheck(form: PersonCheckForm): void;
  /** The person was enrolled: keep the verdict's note (offline, photos held) on screen, nothing else. */
  spendPersonCheck(form: PersonCheckForm): void;
}

export type PersonCheckSlice = PersonCheckState & PersonCheckActions;

export const initialPersonCheckState: PersonCheckState = { personChecks: {} };
