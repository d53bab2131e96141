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
  choosePersonDuplicate(form: PersonCheckForm, choice: DuplicateChoiceDraft): void;
  /** The name, photos or collection changed: the verdict no longer holds. */
  clearPersonCheck(form: PersonCheckForm): void;
  /** The person was enrolled: keep the verdict's note (offline, photos held) on screen, nothing else. */
  spendPersonCheck(form: PersonCheckForm): void;
}

export type PersonCheckSlice = PersonCheckState & PersonCheckActions;

export const initialPersonCheckState: PersonCheckState = { personChecks: {} };
