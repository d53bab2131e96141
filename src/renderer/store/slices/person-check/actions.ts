import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { hasNote } from './selectors.js';
import { initialPersonCheckState, type PersonCheckDraft, type PersonCheckForm, type PersonCheckSlice } from './state.js';

export function createPersonCheckSlice(ipc: IpcClient): StateCreator<AppState, [], [], PersonCheckSlice> {
  return (set, get) => {
    const put = (form: PersonCheckForm, draft: PersonCheckDraft | undefined): void => set({ personChecks: { ...get().personChecks, [form]: draft } });
    return {
      ...initialPersonCheckState,
      async checkPersonDuplicates(form, input) {
        put(form, { status: 'checking' });
        const result = await ipc.invoke('enroll:checkPerson', input);
        // Cleared while it ran (the form changed): this verdict is for photos no longer there.
        if (get().personChecks[form]?.status !== 'checking') return null;
        put(form, result.ok ? { status: 'checked', collectionId: input.collectionId, check: result.value, choice: undefined } : { status: 'failed', error: result.error });
        return result.ok ? result.value : null;
      },
      choosePersonDuplicate(form, choice) {
        const draft = get().personChecks[form];
        if (draft?.status === 'checked') put(form, { ...draft, choice });
      },
      clearPersonCheck(form) {
        if (get().personChecks[form] !== undefined) put(form, undefined);
      },
      spendPersonCheck(form) {
        const draft = get().personChecks[form];
        put(form, draft?.status === 'checked' && hasNote(draft.check) ? { ...draft, spent: true } : undefined);
      },
    };
  };
}
