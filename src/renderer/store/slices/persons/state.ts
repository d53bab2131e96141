import type { Freshness } from '../../../../shared/domain/collections.js';
import type { IndexProgress, PersonSummary } from '../../../../shared/domain/persons.js';
import type { AppError } from '../../../../shared/result.js';

export const PERSONS_PAGE_SIZE = 100;

export interface PersonsSearch {
  readonly text: string;
  readonly items: readonly PersonSummary[];
  readonly indexed: number;
  readonly complete: boolean;
}

export interface PersonsState {
  readonly personsCollectionId: string | null;
  /** Null until the first page answers. */
  readonly personsTotal: number | null;
  /** Loaded pages by page number; the list asks for pages as rows scroll into view. */
  readonly personPages: Readonly<Record<number, readonly PersonSummary[]>>;
  readonly pagesLoading: Readonly<Record<number, true>>;
  readonly personsFreshness: Freshness | null;
  readonly personsError: AppError | null;
  /** personId → data URL (or null: no photo). Fetched by main for visible rows only. */
  readonly thumbnails: Readonly<Record<string, string | null>>;
  readonly personsSearch: PersonsSearch | null;
  readonly indexProgress: IndexProgress | null;
}

export interface PersonsActions {
  openPersons(collectionId: string): Promise<void>;
  /** Loads page `page` unless it is loaded or on its way. */
  ensurePersonsPage(page: number): Promise<void>;
  requestThumbnails(personIds: readonly string[]): Promise<void>;
  searchPersons(text: string): Promise<void>;
  indexProgressed(progress: IndexProgress): void;
  /** After a create or delete: drop the pages and load the first again. */
  reloadPersons(): Promise<void>;
}

export type PersonsSlice = PersonsState & PersonsActions;

export const initialPersonsState: PersonsState = {
  personsCollectionId: null,
  personsTotal: null,
  personPages: {},
  pagesLoading: {},
  personsFreshness: null,
  personsError: null,
  thumbnails: {},
  personsSearch: null,
  indexProgress: null,
};
