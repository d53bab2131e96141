import type { PersonName } from '../../../shared/domain/persons.js';
import type { DeskCache } from '../cache/desk-cache.js';
import { nameHaystack } from '../cache/name-search.js';
import type { NameIndex } from './find-duplicates.js';

const fullName = (n: PersonName): string => [n.first, n.middle, n.last].filter((s) => s !== '').join(' ');

/** The desk's cache of the collection as a name index: exact matches after case, accent and space folding. */
export function deskNameIndex(cache: () => Promise<DeskCache>): NameIndex {
  return {
    async nameOf(collectionId, personId) {
      return (await cache()).person(collectionId, personId)?.name ?? null;
    },
    async sameName(collectionId, name) {
      const wanted = nameHaystack(name);
      if (wanted === '') return [];
      const found = (await cache()).search(collectionId, fullName(name), 50);
      return found.filter((p) => nameHaystack(p.name) === wanted).map((p) => ({ personId: p.personId, name: p.name }));
    },
  };
}
