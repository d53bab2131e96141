import type { StateCreator } from 'zustand';
import { codesNeedingOverride } from '../../../../shared/domain/quality-acceptance.js';
import type { QualityOverride } from '../../../../shared/domain/quality.js';
import { fail, type ErrorCode } from '../../../../shared/result.js';
import { t } from '../../../i18n/index.js';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import type { DuplicateChoice } from '../../../../shared/domain/duplicates.js';
import { sendDrop } from './send-drop.js';
import { initialEnrollState, newScanState, type DuplicateChoiceDraft, type EnrollSlice } from './state.js';


export function createEnrollSlice(ipc: IpcClient): StateCreator<AppState, [], [], EnrollSlice> {
  return (set, get) => ({
    ...initialEnrollState,
    async loadEnrollSetup() {
      const [terms, listed] = await Promise.all([ipc.invoke('enroll:consentTerms', undefined), listCollections(ipc)]);
      set({
        consentTerms: terms.ok ? terms.value : null,
        enrollCollections: listed,
        ...(terms.ok ? {} : { enrollError: terms.error }),
      });
      const first = listed?.[0];
      if (get().enrollCollectionId === '' && first) set({ enrollCollectionId: first.collectionId });
    },
    setEnrollCollection: (collectionId) => set({ enrollCollectionId: collectionId, ...newScanState }),
    // A new path is a new question: the refusal of the old one goes.
    setFolderPath: (folderPath) => set(get().scanPhase === 'failed' ? { folderPath, dropped: null, scanPhase: 'idle', enrollError: null } : { folderPath, dropped: null }),
    async chooseFolder() {
      const result = await ipc.invoke('enroll:chooseFolder', undefined);
      if (!result.ok) set({ enrollError: result.error });
      else if (result.value.path !== null) get().setFolderPath(result.value.path);
      return result.ok && result.value.path !== null;
    },
    async suggestFolders(typed) {
      const result = await ipc.invoke('enroll:completeFolder', { typed });
      // Only the answer for what is still typed matters.
      if (result.ok && get().folderPath === typed) set({ folderSuggestions: result.value.folders });
    },
    setManifestPath: (manifestPath) => set({ manifestPath }),
    async dropOnEnroll(drop) {
      if (get().scanPhase === 'scanning' || get().enrolling || get().dropProgress !== null) return;
      if (get().enrollCollectionId.trim() === '') {
        set({ ...newScanState, scanPhase: 'failed', enrollError: { code: 'BAD_INPUT', message: t('enroll.drop.noCollection') } });
        return;
      }
      set({ ...newScanState, dropProgress: { done: 0, total: drop.top.length } });
      // A file the browser cannot read (a folder without its entries, a file gone meanwhile) ends here, not in a crash.
      const staged = await sendDrop(ipc, drop, (done, total) => set({ dropProgress: { done, total } })).catch(() => fail('BAD_INPUT', t('enroll.drop.unreadable')));
      if (!staged.ok) {
        set({ dropProgress: null, scanPhase: 'failed', enrollError: staged.error });
        return;
      }
      // A folder scanned where it is (desktop app) is the operator's own path; a staged copy is not shown as one.
      if (staged.value.files === 0) set({ dropProgress: null, dropped: null, folderPath: staged.value.folder, manifestPath: staged.value.manifestPath ?? '' });
      else set({ dropProgress: null, dropped: staged.value });
      await get().startScan();
    },
    async startScan() {
      const { enrollCollectionId, dropped } = get();
      const folderPath = dropped?.folder ?? get().folderPath;
      const manifestPath = dropped === null ? get().manifestPath : (dropped.manifestPath ?? '');
      set({ ...newScanState, scanPhase: 'scanning' });
      const result = await ipc.invoke('enroll:scanFolder', {
        path: folderPath,
        collectionId: enrollCollectionId,
        ...(manifestPath.trim() === '' ? {} : { manifestPath }),
      });
      if (!result.ok) {
        set({ scanPhase: 'failed', enrollError: result.error });
        return;
      }
      set({ scanId: result.value.scanId });
      // The scan may have finished before its id arrived here (events raced the answer).
      const now = await ipc.invoke('enroll:scanResult', { scanId: result.value.scanId });
      if (now.ok && now.value.state !== 'running') get().scanFinished(now.value);
    },
    async cancelScan() {
      const { scanId } = get();
      if (scanId !== null) await ipc.invoke('enroll:cancelScan', { scanId });
    },
    togglePerson(key) {
      const excluded = { ...get().excluded };
      if (excluded[key]) delete excluded[key];
      else excluded[key] = true;
      set({ excluded });
    },
    toggleQualityAccept(path) {
      const qualityNotes = { ...get().qualityNotes };
      if (path in qualityNotes) delete qualityNotes[path];
      else qualityNotes[path] = '';
      set({ qualityNotes });
    },
    setQualityNote: (path, note) => set({ qualityNotes: { ...get().qualityNotes, [path]: note } }),
    toggleKeepLargest(path) {
      const keepLargest = { ...get().keepLargest };
      if (keepLargest[path]) delete keepLargest[path];
      else keepLargest[path] = true;
      set({ keepLargest });
    },
    chooseDuplicate: (key, choice) => set({ duplicateChoices: { ...get().duplicateChoices, [key]: choice } }),
    setImportConsent: (importConsent) => set({ importConsent }),
    async confirmImport() {
      const { scanId, excluded, importConsent, consentTerms, report, qualityNotes, keepLargest, duplicateChoices } = get();
      if (scanId === null || consentTerms === null) return;
      // The override names exactly the checks still failing after an optional face crop.
      const qualityOverrides: Record<string, QualityOverride> = {};
      for (const photo of report?.persons.flatMap((p) => p.photos) ?? []) {
        const note = qualityNotes[photo.path];
        const codes = codesNeedingOverride(photo.quality, keepLargest[photo.path] === true);
        if (note !== undefined && codes.length > 0) qualityOverrides[photo.path] = { codes, note: note.trim() };
      }
      set({ enrolling: true, enrollError: null, importResults: [], enrollProgress: null });
      const result = await ipc.invoke('enroll:confirmImport', {
        scanId,
        excluded: Object.keys(excluded),
        qualityOverrides,
        keepLargestFace: Object.keys(keepLargest),
        duplicateChoices: toChoices(duplicateChoices),
        consent: { confirmed: importConsent, textVersion: consentTerms.version },
      });
      set(result.ok ? { enrolling: false, importOutcome: result.value, importResults: result.value.results } : { enrolling: false, enrollError: result.error });
    },
    resetImport: () => set(newScanState),
    importProgressed(progress) {
      if (progress.scanId !== get().scanId) return;
      set(progress.phase === 'enrolling' ? { enrollProgress: progress } : { scanProgress: progress });
    },
    scanFinished(result) {
      if (result.scanId !== get().scanId || get().scanPhase !== 'scanning') return;
      if (result.state === 'finished') set({ scanPhase: 'finished', report: result.report });
      else if (result.state === 'failed') {
        set({ scanPhase: 'failed', enrollError: result.error ? { code: result.error.code as ErrorCode, message: result.error.message } : null });
      }
    },
    async loadResultThumbnail(sha256) {
      const { scanId } = get();
      if (scanId === null || get().resultThumbnails[sha256] !== undefined) return;
      const result = await ipc.invoke('enroll:thumbnail', { scanId, sha256 });
      if (result.ok && get().scanId === scanId) set({ resultThumbnails: { ...get().resultThumbnails, [sha256]: result.value.dataUrl } });
    },
    personEnrolled(scanId, result) {
      if (scanId !== get().scanId || !get().enrolling) return;
      set({ importResults: [...get().importResults, result] });
    },
  });
}

/** The drafts main accepts: a note is sent trimmed (main refuses one shorter than 3 characters). */
function toChoices(drafts: Readonly<Record<string, DuplicateChoiceDraft>>): Record<string, DuplicateChoice> {
  const out: Record<string, DuplicateChoice> = {};
  for (const [key, d] of Object.entries(drafts)) out[key] = d.action === 'new' ? { action: 'new', note: d.note.trim() } : d;
  return out;
}

/** From the Collections area's channel when it is there, else the enroll one; null means "type the id". */
async function listCollections(ipc: IpcClient) {
  const shared = await ipc.invoke('collections:list', undefined);
  if (shared.ok) return shared.value.collections.map((c) => ({ collectionId: c.collectionId, alias: c.alias }));
  const own = await ipc.invoke('enroll:collections', undefined);
  return own.ok ? own.value : null;
}
