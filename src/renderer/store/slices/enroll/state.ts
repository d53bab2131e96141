import type { CollectionChoice, ImportOutcome, ImportProgress, PersonResult, ScanReportView } from '../../../../shared/domain/enroll.js';
import type { StagedDrop } from '../../../../shared/domain/dropped-files.js';
import type { AppError } from '../../../../shared/result.js';
import type { Drop } from './send-drop.js';

/** The operator's answer to a possible duplicate, as typed (the note may still be short). */
export type DuplicateChoiceDraft = { readonly action: 'add'; readonly personId: string } | { readonly action: 'new'; readonly note: string } | { readonly action: 'skip' };

export type ScanPhase = 'idle' | 'scanning' | 'finished' | 'failed';

export interface EnrollState {
  /** Collections to enroll into; null until listed (or when listing failed: type the id). */
  readonly enrollCollections: readonly CollectionChoice[] | null;
  readonly enrollCollectionId: string;
  readonly consentTerms: { readonly version: string; readonly text: string } | null;
  readonly folderPath: string;
  /** Subfolders continuing the typed path, from main (browser mode has no folder dialog). */
  readonly folderSuggestions: readonly string[];
  readonly manifestPath: string;
  /** Files read from a drop and handed to main so far; null when no drop is being read. */
  readonly dropProgress: { readonly done: number; readonly total: number } | null;
  /** Dropped files main staged in a private folder: scanned instead of the typed path (which stays the operator's). */
  readonly dropped: StagedDrop | null;
  readonly scanId: string | null;
  readonly scanPhase: ScanPhase;
  readonly scanProgress: ImportProgress | null;
  readonly report: ScanReportView | null;
  /** Person keys the operator unticked. */
  readonly excluded: Readonly<Record<string, true>>;
  /** Flagged photos (by path) the operator ticked "Accept anyway", with the note they typed. */
  readonly qualityNotes: Readonly<Record<string, string>>;
  /** Group photos (by path) to crop to their largest face at enroll time. */
  readonly keepLargest: Readonly<Record<string, true>>;
  /** For persons the 1:N check flagged, by person key; without one the person is not enrolled. */
  readonly duplicateChoices: Readonly<Record<string, DuplicateChoiceDraft>>;
  readonly importConsent: boolean;
  readonly enrolling: boolean;
  readonly enrollProgress: ImportProgress | null;
  /** Filled live from events, replaced by the final outcome. */
  readonly importResults: readonly PersonResult[];
  readonly importOutcome: ImportOutcome | null;
  readonly enrollError: AppError | null;
  /** Thumbnails of enrolled photos (JPEG data URLs) by hash, fetched as results show them. */
  readonly resultThumbnails: Readonly<Record<string, string>>;
}

export interface EnrollActions {
  loadEnrollSetup(): Promise<void>;
  setEnrollCollection(collectionId: string): void;
  setFolderPath(path: string): void;
  /** The host's folder dialog; resolves true when a folder was chosen. */
  chooseFolder(): Promise<boolean>;
  suggestFolders(typed: string): Promise<void>;
  setManifestPath(path: string): void;
  /** Files or folders dropped on the Enroll screen: handed to main, then scanned as a folder. */
  dropOnEnroll(drop: Drop): Promise<void>;
  startScan(): Promise<void>;
  cancelScan(): Promise<void>;
  togglePerson(key: string): void;
  /** Ticks or unticks "Accept anyway" on a flagged photo (unticking drops its note). */
  toggleQualityAccept(path: string): void;
  setQualityNote(path: string, note: string): void;
  toggleKeepLargest(path: string): void;
  chooseDuplicate(key: string, choice: DuplicateChoiceDraft): void;
  setImportConsent(confirmed: boolean): void;
  confirmImport(): Promise<void>;
  /** Back to a new dry run. */
  resetImport(): void;
  importProgressed(progress: ImportProgress): void;
  scanFinished(result: { readonly scanId: string; readonly state: 'running' | 'finished' | 'failed'; readonly report: ScanReportView | null; readonly error: { readonly code: string; readonly message: string } | null }): void;
  personEnrolled(scanId: string, result: PersonResult): void;
  loadResultThumbnail(sha256: string): Promise<void>;
}

export type EnrollSlice = EnrollState & EnrollActions;

/** What a new scan starts from: everything about the previous scan and its enrollment cleared. */
export const newScanState = {
  scanId: null,
  scanPhase: 'idle',
  scanProgress: null,
  report: null,
  excluded: {},
  qualityNotes: {},
  keepLargest: {},
  duplicateChoices: {},
  importConsent: false,
  enrolling: false,
  enrollProgress: null,
  importResults: [],
  importOutcome: null,
  enrollError: null,
  resultThumbnails: {},
} as const satisfies Partial<EnrollState>;

export const initialEnrollState: EnrollState = {
  enrollCollections: null,
  enrollCollectionId: '',
  consentTerms: null,
  folderPath: '',
  folderSuggestions: [],
  manifestPath: '',
  dropProgress: null,
  dropped: null,
  ...newScanState,
};
