import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialPersonDetailState, type PersonDetailSlice } from './state.js';
import { uploadBatches } from './upload-batches.js';
import { t } from '../../../i18n/index.js';

export function createPersonDetailSlice(ipc: IpcClient): StateCreator<AppState, [], [], PersonDetailSlice> {
  return (set, get) => {
    // After a change: fresh data, but the error of that change stays on screen.
    const reload = async (): Promise<void> => {
      const detail = get().detail;
      if (detail === null) return;
      const result = await ipc.invoke('persons:get', refOf(detail));
      if (result.ok) set({ detail: result.value });
    };
    return {
      ...initialPersonDetailState,
      async openPerson(collectionId, personId) {
        const same = get().detail?.person.personId === personId;
        set({ detailLoading: true, detailError: null, blockingAnalyses: null, ...(same ? {} : { detail: null }) });
        const result = await ipc.invoke('persons:get', { collectionId, personId });
        set(result.ok ? { detail: result.value, detailLoading: false } : { detailError: result.error, detailLoading: false });
      },
      async addPhotos(photos) {
        const detail = get().detail;
        if (detail === null) return false;
        const { collectionId, personId } = detail.person;
        set({ detailBusy: true, detailError: null });
        for (const batch of uploadBatches(photos)) {
          const result = await ipc.invoke('photos:add', { collectionId, personId, photos: [...batch] });
          if (!result.ok) {
            set({ detailBusy: false, detailError: result.error });
            await reload();
            return false;
          }
        }
        set({ detailBusy: false });
        await reload();
        void get().reloadPersons();
        return true;
      },
      async deletePhoto(personImageId) {
        const detail = get().detail;
        if (detail === null) return false;
        set({ detailBusy: true, detailError: null });
        const result = await ipc.invoke('photos:delete', { ...refOf(detail), personImageId });
        set(result.ok ? { detailBusy: false } : { detailBusy: false, detailError: result.error });
        await reload();
        return result.ok;
      },
      async deletePerson(confirmDeleteAnalyses) {
        const detail = get().detail;
        if (detail === null) return 'failed';
        set({ detailBusy: true, detailError: null });
        const result = await ipc.invoke('persons:delete', { ...refOf(detail), confirmDeleteAnalyses });
        if (!result.ok) {
          set({ detailBusy: false, detailError: result.error });
          return 'failed';
        }
        if (result.value.status === 'blocked') {
          set({ detailBusy: false, blockingAnalyses: result.value.analyses });
          return 'blocked';
        }
        set({ ...initialPersonDetailState });
        void get().reloadPersons();
        return 'deleted';
      },
      cancelDeletePerson: () => set({ blockingAnalyses: null }),
      async loadCreateConsent() {
        const terms = await ipc.invoke('enroll:consentTerms', undefined);
        set(terms.ok ? { consentTerms: terms.value } : { consentTerms: null, createError: terms.error });
      },
      async createPerson(collectionId, name, photos, consentConfirmed) {
        const terms = get().consentTerms;
        if (terms === null) {
          set({ createError: { code: 'CONFIG', message: t('enroll.consent.notLoaded') } });
          return null;
        }
        set({ createBusy: true, createError: null, createNotice: null });
        const result = await ipc.invoke('enroll:enrollPerson', {
          collectionId,
          name,
          source: 'form',
          photos: photos.map((p) => ({ dataBase64: p.base64, fileName: p.fileName, tags: p.tags })),
          consent: { confirmed: consentConfirmed, textVersion: terms.version },
        });
        if (!result.ok) {
          set({ createBusy: false, createError: result.error });
          return null;
        }
        const { status, personId, itemId, message } = result.value;
        if (status === 'enrolled' && personId !== null) {
          set({ createBusy: false });
          void get().reloadPersons();
          return { status: 'enrolled', personId };
        }
        if (status === 'queued') {
          const who = [name.first, name.middle, name.last].filter((n) => n !== '').join(' ');
          set({ createBusy: false, createNotice: itemId === null ? null : { itemId, name: who } });
          if (itemId !== null) void get().trackItem(itemId);
          return { status: 'queued' };
        }
        set({ createBusy: false, createError: { code: 'INTERNAL', message: message ?? t('createPerson.notEnrolled') } });
        return null;
      },
      dismissCreateNotice: () => set({ createNotice: null }),
      clearDetailError: () => set({ detailError: null, createError: null }),
      async preparePhoto(fileName, base64) {
        const result = await ipc.invoke('photos:prepare', { fileName, base64 });
        return result.ok ? result.value : { ok: false, reason: result.error.code, message: result.error.message };
      },
    };
  };
}

function refOf(detail: { readonly person: { readonly collectionId: string; readonly personId: string } }) {
  return { collectionId: detail.person.collectionId, personId: detail.person.personId };
}
