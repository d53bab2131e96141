import { OzApiError, type OzClient, type Person, type PersonImage } from '../../oz/index.js';
import { LruCache } from './lru-cache.js';

export type PhotoListClient = Pick<OzClient, 'listPersonImages'>;

export interface PhotoReadOptions {
  /** Skip the cache: the answer decides something (a duplicate, a deletion count). */
  readonly fresh?: boolean;
  readonly signal?: AbortSignal;
}

const READS_IN_FLIGHT = 4;

const keyOf = (collectionId: string, personId: string): string => `${collectionId}/${personId}`;

/**
 * A person's photos, whether or not the server embeds them in the person: Oz documents
 * only `GET …/persons/{id}/images/`. Answers read that way are kept in a bounded cache
 * (entries expire), so paging the persons view does not ask again for every row; photo
 * writes through the desk forget the person.
 */
export class PersonPhotos {
  readonly #cache: LruCache<readonly PersonImage[]>;

  constructor(opts: { readonly capacity?: number; readonly ttlMs?: number; readonly now?: () => number } = {}) {
    this.#cache = new LruCache(opts.capacity ?? 2000, opts.ttlMs ?? 60_000, opts.now);
  }

  async of(client: PhotoListClient, collectionId: string, person: Person, opts: PhotoReadOptions = {}): Promise<readonly PersonImage[]> {
    if (person.images !== null) return person.images;
    const key = keyOf(collectionId, person.personId);
    const hit = opts.fresh === true ? undefined : this.#cache.get(key);
    if (hit !== undefined) return hit;
    try {
      const images = await client.listPersonImages(collectionId, person.personId, { signal: opts.signal });
      this.#cache.set(key, images);
      return images;
    } catch (err) {
      // Deleted since it was listed: it has no photos any more.
      if (err instanceof OzApiError && err.isNotFound) return [];
      throw err;
    }
  }

  /** The photos of each person, a few reads in flight at a time. */
  async ofAll(
    client: PhotoListClient,
    collectionId: string,
    persons: readonly Person[],
    opts: PhotoReadOptions = {},
  ): Promise<ReadonlyMap<string, readonly PersonImage[]>> {
    const out = new Map<string, readonly PersonImage[]>();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let person = persons[next++]; person !== undefined; person = persons[next++]) {
        out.set(person.personId, await this.of(client, collectionId, person, opts));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, persons.length) }, worker));
    return out;
  }

  remember(collectionId: string, personId: string, images: readonly PersonImage[]): void {
    this.#cache.set(keyOf(collectionId, personId), images);
  }

  forget(collectionId: string, personId: string): void {
    this.#cache.delete(keyOf(collectionId, personId));
  }

  clear(): void {
    this.#cache.clear();
  }
}
