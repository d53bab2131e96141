import type { OzClient } from '../../oz/index.js';
import { walkPages } from '../../oz/paging.js';
import { LruCache } from './lru-cache.js';

export type PersonCountClient = Pick<OzClient, 'listPersons'>;

export interface PersonCountOptions {
  readonly capacity?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** Persons per page (default Oz's documented default `limit`: a server that caps pages lower would end a count early). */
  readonly pageSize?: number;
  /** Counting stops after this many pages (default 50, so 5,000 persons): past it the list shows no count rather than a slow one. */
  readonly maxPages?: number;
}

const COUNTS_IN_FLIGHT = 3;

/**
 * How many persons a collection holds, for a server that does not say (Oz documents no
 * `persons_count`): counted by listing its persons, with a bounded walk, and kept briefly
 * so refreshing the collections list does not walk every collection again. The desk's own
 * writes forget the counts they change.
 */
export class PersonCounts {
  readonly #cache: LruCache<number | null>;
  readonly #pageSize: number;
  readonly #maxPages: number;

  constructor(opts: PersonCountOptions = {}) {
    this.#cache = new LruCache(opts.capacity ?? 500, opts.ttlMs ?? 30_000, opts.now);
    this.#pageSize = opts.pageSize ?? 100;
    this.#maxPages = opts.maxPages ?? 50;
  }

  /** The count, or null when the collection is larger than the walk may go. */
  async of(client: PersonCountClient, collectionId: string): Promise<number | null> {
    const hit = this.#cache.get(collectionId);
    if (hit !== undefined) return hit;
    const count = await this.#count(client, collectionId);
    this.#cache.set(collectionId, count);
    return count;
  }

  /** Fills in the counts the server left out, a few collections at a time. */
  async fill<T extends { readonly collectionId: string; readonly personsCount: number | null }>(
    client: PersonCountClient,
    collections: readonly T[],
  ): Promise<T[]> {
    const out = [...collections];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < out.length; i = next++) {
        const c = out[i] as T;
        // A count that cannot be read leaves the row without one; the list itself is still good.
        if (c.personsCount === null) out[i] = { ...c, personsCount: await this.of(client, c.collectionId).catch(() => null) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(COUNTS_IN_FLIGHT, out.length) }, worker));
    return out;
  }

  forget(collectionId: string): void {
    this.#cache.delete(collectionId);
  }

  clear(): void {
    this.#cache.clear();
  }

  async #count(client: PersonCountClient, collectionId: string): Promise<number | null> {
    let count = 0;
    let pages = 0;
    const walk = walkPages((limit, offset) => client.listPersons(collectionId, { limit, offset }), {
      pageSize: this.#pageSize,
      idOf: (p) => p.personId,
      maxPages: this.#maxPages + 1,
    });
    for await (const page of walk) {
      pages += 1;
      // One page past the limit tells a collection of exactly the limit from a larger one.
      if (pages > this.#maxPages) return page.fresh.length === 0 ? count : null;
      count += page.fresh.length;
    }
    return count;
  }
}
