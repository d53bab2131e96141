import type { PersonName } from '../../../shared/domain/persons.js';
import type { MetaData, Person, PersonImage } from '../../oz/index.js';
import type { CachedPerson } from '../cache/desk-cache.js';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The seed stores names in `person:meta_data.person_info` (`first_name`, `middle_name`,
 * `last_name`); persons made by other tools may carry them at the top level.
 */
export function nameOf(meta: MetaData | null): PersonName {
  const info = record(meta?.['person_info']) ?? meta ?? {};
  return { first: text(info['first_name']), middle: text(info['middle_name']), last: text(info['last_name']) };
}

/** `images`: the person's photos, embedded or read through the images route (see PersonPhotos). */
export function toCachedPerson(person: Person, collectionId: string, images: readonly PersonImage[]): CachedPerson {
  return {
    personId: person.personId,
    collectionId: person.collectionId ?? collectionId,
    name: nameOf(person.metaData),
    photoCount: images.length,
    timeCreated: person.timeCreated,
    thumbUrl: images.find((i) => i.thumbUrl !== null)?.thumbUrl ?? null,
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
