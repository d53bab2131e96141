import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { hasNote } from './selectors.js';
import type { PersonDuplicateCheck } from '../../../../shared/domain/duplicates.js';
import { initialPersonCheckState, type PersonCheckDraft, type PersonCheckForm, type PersonCheckSlice } from './state.js';

/** What the form shows when the press went ahead before Oz answered: as offline, only the desk's records were compared. */
const unansweredCheck: PersonDuplicateCheck = {
  checkId: '00000000-0000-4000-8000-000000000000',
  summary: { state: 'offline', checked: 0, failed: 0, cleanupPending: 0, message: null },
  candidates: [],
  samePhotos: [],
};

export function createPersonCheckSlice(ipc: IpcClient): StateCreator<AppState, [], [], PersonCheckSlice> {
  return (set, get) => {
    const put = (form: PersonCheckForm, draft: PersonCheckDraft | undefined): void => set({ personChecks: { ...get().personChecks, [form]: draft } });
    // The latest check of each form: an older one's answer is dropped, and a press awaits this one.
    const latest: Partial<Record<PersonCheckForm, { readonly token: number; readonly answer: Promise<PersonDuplicateCheck | null> }>> = {};
    let tokens = 0;
    return {
      ...initialPersonCheckState,
      checkPersonDuplicates(form, input) {
        const token = ++tokens;
        put(form, { status: 'checking' });
        const answer = (async () => {
          const result = await ipc.invoke('enroll:checkPerson', input);
          // Cleared or replaced while it ran (the form changed): this verdict is for photos no longer there.
          if (latest[form]?.token !== token || get().personChecks[form]?.status !== 'checking') return null;
          put(form, result.ok ? { status: 'checked', collectionId: input.collectionId, check: result.value, choice: undefined } : { status: 'failed', error: result.error });
          return result.ok ? result.value : null;
        })();
        latest[form] = { token, answer };
        return answer;
      },
      preCheckPerson(form, input) {
        if (get().personChecks[form] === undefined) void get().checkPersonDuplicates(form, input);
      },
      async personCheckSettled(form) {
        if (get().personChecks[form]?.status === 'checking') await latest[form]?.answer;
      },
      choosePersonDuplicate(form, choice) {
        const draft = get().personChecks[form];
        if (draft?.status === 'checked') put(form, { ...draft, choice });
      },
      markPersonCheckUnanswered(form, collectionId) {
        // The late answer is dropped (no latest check): it would be for a person already enrolled.
        delete latest[form];
        put(form, { status: 'checked', collectionId, check: unansweredCheck, choice: undefined });
      },
      clearPersonCheck(form) {
        delete latest[form];
        if (get().personChecks[form] !== undefined) put(form, undefined);
      },
      spendPersonCheck(form) {
        const draft = get().personChecks[form];
        put(form, draft?.status === 'checked' && hasNote(draft.check) ? { ...draft, spent: true } : undefined);
      },
    };
  };
}
