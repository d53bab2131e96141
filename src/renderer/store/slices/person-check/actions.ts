import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { hasNote } from './selectors.js';
import type { PersonDuplicateCheck } from '../../../../shared/domain/duplicates.js';
import { initialPersonCheckState, type PersonCheckDraft, type PersonCheckForm, type PersonCheckSlice } from './state.js';

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
