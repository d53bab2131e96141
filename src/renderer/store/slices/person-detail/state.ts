import type { PersonDetail, PersonName, PhotoUploadInput, PreparedPhoto, RelatedAnalysisView } from '../../../../shared/domain/persons.js';
import type { AppError } from '../../../../shared/result.js';

export interface PersonDetailState {
  readonly detail: PersonDetail | null;
  readonly detailLoading: boolean;
  readonly detailError: AppError | null;
  /** A photo upload, photo deletion or person deletion is under way. */
  readonly detailBusy: boolean;
  /** The server refused to delete the person: these COLLECTION analyses matched them. */
  readonly blockingAnalyses: readonly RelatedAnalysisView[] | null;
  readonly createBusy: boolean;
  readonly createError: AppError | null;
  /** The form's enrollment saved on the desk for the queue to send: the notice follows its queue item until it arrives. */
  readonly createNotice: CreateNotice | null;
}

export interface CreateNotice {
  readonly itemId: string;
  readonly name: string;
}

/** Sent at once (the person exists), or saved on the desk for the queue to send. */
export type CreatedPerson = { readonly status: 'enrolled'; readonly personId: string } | { readonly status: 'queued' };

export type DeletePersonResult = 'deleted' | 'blocked' | 'failed';

export interface PersonDetailActions {
  openPerson(collectionId: string, personId: string): Promise<void>;
  addPhotos(photos: readonly PhotoUploadInput[]): Promise<boolean>;
  deletePhoto(personImageId: string): Promise<boolean>;
  deletePerson(confirmDeleteAnalyses: boolean): Promise<DeletePersonResult>;
  cancelDeletePerson(): void;
  /** The consent text the form shows (the same the enrollment screens show). */
  loadCreateConsent(): Promise<void>;
  /**
   * Enrolls the person the way every enrollment goes (consent recorded, queued on the desk,
   * sent by the sync worker); null when the desk refused it (see `createError`).
   */
  createPerson(collectionId: string, name: PersonName, photos: readonly PhotoUploadInput[], consentConfirmed: boolean): Promise<CreatedPerson | null>;
  dismissCreateNotice(): void;
  clearDetailError(): void;
  /** Main's photo pipeline verdict on a chosen file (oriented size, suggested tags, or why it is refused). */
  preparePhoto(fileName: string, base64: string): Promise<PreparedPhoto>;
}

export type PersonDetailSlice = PersonDetailState & PersonDetailActions;

export const initialPersonDetailState: PersonDetailState = {
  detail: null,
  detailLoading: false,
  detailError: null,
  detailBusy: false,
  blockingAnalyses: null,
  createBusy: false,
  createError: null,
  createNotice: null,
};
