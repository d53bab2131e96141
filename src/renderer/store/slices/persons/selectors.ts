import type { PersonSummary } from '../../../../shared/domain/persons.js';
import { PERSONS_PAGE_SIZE, type PersonsState } from './state.js';

/** The person at list position `index`, or undefined while its page is not loaded. */
export function personAt(pages: PersonsState['personPages'], index: number): PersonSummary | undefined {
  return pages[Math.floor(index / PERSONS_PAGE_SIZE)]?.[index % PERSONS_PAGE_SIZE];
}

export const selectPersonsTotal = (s: PersonsState) => s.personsTotal;
export const selectPersonsFreshness = (s: PersonsState) => s.personsFreshness;
export const selectPersonsSearch = (s: PersonsState) => s.personsSearch;
export const selectLoadedPageCount = (s: PersonsState): number => Object.keys(s.personPages).length;
