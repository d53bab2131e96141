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
}

/** `complete` is false when the person exists but some later photos were refused. */
export interface CreatedPerson {
  readonly personId: string;
  readonly complete: boolean;
}

export type DeletePersonResult = 'deleted' | 'blocked' | 'failed';

export interface PersonDetailActions {
  openPerson(collectionId: string, personId: string): Promise<void>;
  addPhotos(photos: readonly PhotoUploadInput[]): Promise<boolean>;
  deletePhoto(personImageId: string): Promise<boolean>;
  deletePerson(confirmDeleteAnalyses: boolean): Promise<DeletePersonResult>;
  cancelDeletePerson(): void;
  /** Creates the person with the first photos, then adds the rest; null when the person was not created. */
  createPerson(collectionId: string, name: PersonName, photos: readonly PhotoUploadInput[]): Promise<CreatedPerson | null>;
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
};
