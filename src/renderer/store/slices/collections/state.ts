import type { CollectionSummary, Company, DeletionJobView, DeletionPreview, Freshness } from '../../../../shared/domain/collections.js';
import type { AppError } from '../../../../shared/result.js';

/** Which screen of the Collections work area is open. */
export type CollectionsView =
  | { readonly kind: 'list' }
  | { readonly kind: 'persons'; readonly collectionId: string }
  | { readonly kind: 'person'; readonly collectionId: string; readonly personId: string }
  | { readonly kind: 'create-person'; readonly collectionId: string };

export interface CollectionsState {
  readonly collectionsView: CollectionsView;
  readonly collections: readonly CollectionSummary[];
  /** Null until the first answer; `offline` when it came from the desk's cache. */
  readonly collectionsFreshness: Freshness | null;
  readonly collectionsLoading: boolean;
  readonly collectionsError: AppError | null;
  readonly companyResults: readonly Company[];
  readonly rememberedCompany: Company | null;
  readonly createCollectionBusy: boolean;
  readonly createCollectionError: AppError | null;
  readonly deletionPreview: DeletionPreview | null;
  readonly deletionPreviewLoading: boolean;
  readonly deletionError: AppError | null;
  /** Mirrored from main's `collections:deletionProgress` events, by job id. */
  readonly deletionJobs: Readonly<Record<string, DeletionJobView>>;
  /** Finished jobs the operator closed; not shown again in this session. */
  readonly dismissedDeletionJobs: Readonly<Record<string, true>>;
}

export interface CollectionsActions {
  showCollectionsView(view: CollectionsView): void;
  loadCollections(): Promise<void>;
  searchCompanies(text: string): Promise<void>;
  loadRememberedCompany(): Promise<void>;
  /** Resolves true when created. */
  createCollection(alias: string, company: Company): Promise<boolean>;
  loadDeletionPreview(collectionId: string): Promise<void>;
  clearDeletion(): void;
  startDeletion(collectionId: string, confirmAlias: string): Promise<boolean>;
  resumeDeletion(jobId: string): Promise<void>;
  loadDeletionJobs(): Promise<void>;
  deletionProgress(job: DeletionJobView): void;
  /** Closes a finished job's card; running or waiting ones stay. */
  dismissDeletionJob(jobId: string): void;
}

export type CollectionsSlice = CollectionsState & CollectionsActions;

export const initialCollectionsState: CollectionsState = {
  collectionsView: { kind: 'list' },
  collections: [],
  collectionsFreshness: null,
  collectionsLoading: false,
  collectionsError: null,
  companyResults: [],
  rememberedCompany: null,
  createCollectionBusy: false,
  createCollectionError: null,
  deletionPreview: null,
  deletionPreviewLoading: false,
  deletionError: null,
  deletionJobs: {},
  dismissedDeletionJobs: {},
};
