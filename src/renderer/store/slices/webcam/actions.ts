import type { StateCreator } from 'zustand';
import { codesNeedingOverride } from '../../../../shared/domain/quality-acceptance.js';
import { isOrientationTag } from '../../../../shared/domain/tags.js';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialWebcamState, type WebcamSlice } from './state.js';

export function createWebcamSlice(ipc: IpcClient): StateCreator<AppState, [], [], WebcamSlice> {
  return (set, get) => ({
    ...initialWebcamState,
    setWebcamName: (patch) => set({ webcamName: { ...get().webcamName, ...patch } }),
    async captureFrame(dataBase64, mirrored) {
      set({ processingCapture: true, captureRefusal: null, webcamError: null, webcamResult: null });
      const result = await ipc.invoke('enroll:processCapture', { dataBase64, mirrored });
      if (!result.ok) {
        set({ processingCapture: false, webcamError: result.error });
        return false;
      }
      const capture = result.value;
      if (!capture.ok) {
        set({ processingCapture: false, captureRefusal: capture.message });
        return false;
      }
      const photo = {
        captureId: capture.captureId,
        thumbnail: capture.thumbnail,
        width: capture.width,
        height: capture.height,
        tags: capture.suggestedTags,
        quality: capture.quality,
        qualityNote: '',
      };
      set({ processingCapture: false, captures: [...get().captures, photo] });
      return true;
    },
    removeCapture: (captureId) => set({ captures: get().captures.filter((c) => c.captureId !== captureId) }),
    setCaptureTags(captureId, tags) {
      set({ captures: get().captures.map((c) => (c.captureId === captureId ? { ...c, tags } : c)) });
    },
    toggleCaptureTag(captureId, tag) {
      set({
        captures: get().captures.map((c) => {
          if (c.captureId !== captureId) return c;
          if (c.tags.includes(tag)) return { ...c, tags: c.tags.filter((t) => t !== tag) };
          // One orientation only: choosing one replaces the other.
          const kept = isOrientationTag(tag) ? c.tags.filter((t) => !isOrientationTag(t)) : c.tags;
          return { ...c, tags: [...kept, tag] };
        }),
      });
    },
    setCaptureNote: (captureId, qualityNote) => set({ captures: get().captures.map((c) => (c.captureId === captureId ? { ...c, qualityNote } : c)) }),
    setWebcamConsent: (webcamConsent) => set({ webcamConsent }),
    async enrollWebcamPerson() {
      const { webcamName, captures, webcamConsent, consentTerms, enrollCollectionId } = get();
      if (consentTerms === null) return;
      set({ webcamEnrolling: true, webcamError: null, webcamResult: null });
      const result = await ipc.invoke('enroll:enrollPerson', {
        collectionId: enrollCollectionId,
        name: webcamName,
        source: 'webcam',
        photos: captures.map((c) => {
          const codes = codesNeedingOverride(c.quality);
          return { captureId: c.captureId, tags: c.tags, ...(codes.length > 0 ? { qualityOverride: { codes, note: c.qualityNote.trim() } } : {}) };
        }),
        consent: { confirmed: webcamConsent, textVersion: consentTerms.version },
      });
      if (!result.ok) {
        set({ webcamEnrolling: false, webcamError: result.error });
        return;
      }
      set({ ...initialWebcamState, webcamResult: result.value });
      if (result.value.itemId !== null) void get().trackItem(result.value.itemId);
    },
    resetWebcam: () => set(initialWebcamState),
  });
}
