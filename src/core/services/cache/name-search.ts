import type { PersonName } from '../../../shared/domain/persons.js';

/** Lower case without accents, so "jose" finds "José". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function nameHaystack(name: PersonName): string {
  return foldText(`${name.first} ${name.middle} ${name.last}`);
}

/** Every word of the query must start a word of the name ("ann lov" finds "Ann Lovelace"). */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = haystack.split(' ');
  return foldText(query)
    .split(' ')
    .filter((w) => w !== '')
    .every((q) => words.some((w) => w.startsWith(q)));
}
