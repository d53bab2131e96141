import type { PersonName } from '../../../shared/domain/persons.js';
import type { MetaData, Person } from '../../oz/index.js';
import type { CachedPerson } from '../cache/desk-cache.js';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The seed stores names as `first_name`, `middle_name`, `last_name` in `meta_data`. */
export function nameOf(meta: MetaData | null): PersonName {
  return { first: text(meta?.['first_name']), middle: text(meta?.['middle_name']), last: text(meta?.['last_name']) };
}

export function nameMeta(name: PersonName): MetaData {
  return { first_name: name.first, middle_name: name.middle, last_name: name.last };
}

export function toCachedPerson(person: Person, collectionId: string): CachedPerson {
  return {
    personId: person.personId,
    collectionId: person.collectionId ?? collectionId,
    name: nameOf(person.metaData),
    photoCount: person.images.length,
    timeCreated: person.timeCreated,
    thumbUrl: person.images.find((i) => i.thumbUrl !== null)?.thumbUrl ?? null,
  };
}

export function toSummary(person: CachedPerson): Omit<CachedPerson, 'thumbUrl'> {
  return {
    personId: person.personId,
    collectionId: person.collectionId,
    name: person.name,
    photoCount: person.photoCount,
    timeCreated: person.timeCreated,
  };
}
