import sharp from 'sharp';
import type { DeletePersonOutcomeView, IndexProgress, PersonDetail, PersonsPage, PersonsSearchResult, PhotoInfo } from '../../../shared/domain/persons.js';
import type { OzClient, Person, PersonImage } from '../../oz/index.js';
import type { PhotoProcessor } from '../../images/photo-processor.js';
import type { CachedPerson, DeskCache } from '../cache/desk-cache.js';
import { unreachableReason } from '../cache/unreachable.js';
import { deletePerson } from '../delete-person.js';
import type { EnrolledPhotos } from '../enroll/enrolled-photos.js';
import { toCachedPerson, toSummary } from './person-view.js';
import { toDataUrl } from '../cache/thumbnail-cache.js';
import { walkPages } from '../../oz/paging.js';

export interface PersonsServiceDeps {
  readonly client: () => OzClient;
  readonly cache: DeskCache;
  readonly photos: PhotoProcessor;
  readonly onIndexProgress: (progress: IndexProgress) => void;
  /** The desk's record of enrolled photos, trimmed when a person is deleted (so they can be enrolled again). */
  readonly enrolled: Pick<EnrolledPhotos, 'forgetPerson'>;
  readonly now?: () => number;
  /** Persons per page while filling the name index. */
  readonly indexPageSize?: number;
}

// A full index younger than this is searched as is; older ones are walked again in the background.
const INDEX_FRESH_MS = 5 * 60_000;
const THUMBS_IN_FLIGHT = 4;

/** The server's total, or (when it sends none) the end a short page reveals. */
function knownTotal(page: { readonly items: readonly unknown[]; readonly total: number | null }, offset: number, limit: number): number | null {
  if (page.total !== null) return page.total;
  return page.items.length < limit ? offset + page.items.length : null;
}

/** Persons of a collection: pages from the server (mirrored into the cache), name search, thumbnails, detail. */
export class PersonsService {
  readonly #deps: PersonsServiceDeps;
  readonly #indexing = new Map<string, Promise<void>>();
  readonly #now: () => number;

  constructor(deps: PersonsServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async list(collectionId: string, offset: number, limit: number): Promise<PersonsPage> {
    try {
      const client = this.#deps.client();
      const page = await client.listPersons(collectionId, { limit, offset });
      const items = await this.#withPhotos(client, collectionId, page.items);
      const total = knownTotal(page, offset, limit);
      const asOf = this.#deps.cache.putPersonsPage(collectionId, offset, items, total);
      return { offset, items: items.map(toSummary), total, asOf, offline: false, offlineReason: null };
    } catch (err) {
      const reason = unreachableReason(err);
      if (reason === null) throw err;
      const cached = this.#deps.cache.personsPage(collectionId, offset, limit);
      return { offset, items: cached.items.map(toSummary), total: cached.total, asOf: cached.asOf ?? 0, offline: true, offlineReason: reason };
    }
  }

  /** Searches what the index holds now and starts filling the rest in the background. */
  search(collectionId: string, text: string, limit: number): PersonsSearchResult {
    const state = this.#deps.cache.indexState(collectionId);
    const fresh = state.completeAt !== null && this.#now() - state.completeAt < INDEX_FRESH_MS;
    if (!fresh) this.fillIndex(collectionId).catch(() => undefined);
    return {
      items: this.#deps.cache.search(collectionId, text, limit).map(toSummary),
      indexed: state.indexed,
      complete: state.completeAt !== null,
    };
  }

  /** Walks the whole collection page by page into the cache; one walk per collection at a time. */
  fillIndex(collectionId: string): Promise<void> {
    let running = this.#indexing.get(collectionId);
    if (running === undefined) {
      running = this.#walk(collectionId).finally(() => this.#indexing.delete(collectionId));
      this.#indexing.set(collectionId, running);
    }
    return running;
  }

  async #walk(collectionId: string): Promise<void> {
    const started = this.#now();
    const pageSize = this.#deps.indexPageSize ?? 500;
    const client = this.#deps.client();
    const pages = walkPages((limit, offset) => client.listPersons(collectionId, { limit, offset }), { pageSize, idOf: (p) => p.personId });
    for await (const page of pages) {
      const total = knownTotal(page, page.offset, pageSize);
      this.#deps.cache.putPersonsPage(collectionId, page.offset, await this.#withPhotos(client, collectionId, page.fresh), total);
      if (page.last) this.#deps.cache.completeIndex(collectionId, started);
      const state = this.#deps.cache.indexState(collectionId);
      this.#deps.onIndexProgress({ collectionId, indexed: state.indexed, total: total ?? state.total, complete: page.last });
    }
  }

  /** Photo counts and thumbnails come from the photos, embedded or read per person. */
  async #withPhotos(client: OzClient, collectionId: string, persons: readonly Person[]): Promise<CachedPerson[]> {
    const photos = await this.#deps.cache.personPhotos.ofAll(client, collectionId, persons);
    return persons.map((p) => toCachedPerson(p, collectionId, photos.get(p.personId) ?? []));
  }

  /** Thumbnails of the persons on screen, fetched with the signed-in client and kept in memory. */
  async thumbnails(collectionId: string, personIds: readonly string[]): Promise<Record<string, string | null>> {
    const urls = this.#deps.cache.thumbUrls(collectionId, personIds);
    const out: Record<string, string | null> = {};
    const queue = [...personIds];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const url = urls.get(id) ?? null;
        out[id] = url === null ? null : await this.#thumbnail(url);
      }
    };
    await Promise.all(Array.from({ length: THUMBS_IN_FLIGHT }, worker));
    return out;
  }

  async #thumbnail(url: string): Promise<string | null> {
    const hit = this.#deps.cache.thumbnails.get(url);
    if (hit !== undefined) return hit;
    try {
      const { bytes, contentType } = await this.#deps.client().fetchImageBytes(url);
      const dataUrl = toDataUrl(bytes, contentType);
      this.#deps.cache.thumbnails.set(url, dataUrl);
      return dataUrl;
    } catch {
      // A missing thumbnail shows as a placeholder; the row itself is still useful.
      return null;
    }
  }

  async get(collectionId: string, personId: string): Promise<PersonDetail> {
    const { cache } = this.#deps;
    try {
      const client = this.#deps.client();
      const person = await client.getPerson(collectionId, personId);
      const images = await cache.personPhotos.of(client, collectionId, person, { fresh: true });
      const cached = toCachedPerson(person, collectionId, images);
      const photos = await Promise.all(images.map((image) => this.#photoInfo(image)));
      cache.upsertPerson(cached);
      cache.putPhotos(personId, photos.map(({ thumbnail: _thumbnail, ...rest }) => rest));
      return { person: toSummary(cached), photos, asOf: this.#now(), offline: false, offlineReason: null };
    } catch (err) {
      const reason = unreachableReason(err);
      const cached = reason === null ? null : cache.person(collectionId, personId);
      if (reason === null || cached === null) throw err;
      const photos = cache.photos(personId).map((p) => ({ ...p, thumbnail: null }));
      return { person: toSummary(cached), photos, asOf: cache.personsPage(collectionId, 0, 1).asOf ?? 0, offline: true, offlineReason: reason };
    }
  }

  async #photoInfo(image: PersonImage): Promise<PhotoInfo> {
    const client = this.#deps.client();
    let size: { width: number | null; height: number | null; bytes: number | null } = { width: null, height: null, bytes: null };
    if (image.originalUrl !== null) {
      try {
        const { bytes } = await client.fetchImageBytes(image.originalUrl);
        const meta = await sharp(bytes).metadata();
        size = { width: meta.width ?? null, height: meta.height ?? null, bytes: bytes.byteLength };
      } catch {
        // Size unknown; the photo is still listed.
      }
    }
    return {
      personImageId: image.personImageId,
      tags: image.tags,
      originalName: image.originalName,
      ...size,
      thumbnail: image.thumbUrl === null ? null : await this.#thumbnail(image.thumbUrl),
      timeCreated: image.timeCreated,
    };
  }

  async delete(collectionId: string, personId: string, confirmDeleteAnalyses: boolean): Promise<DeletePersonOutcomeView> {
    const outcome = await deletePerson(this.#deps.client(), { collectionId, personId, confirmDeleteAnalyses });
    if (outcome.status === 'deleted') {
      this.#deps.cache.removePerson(collectionId, personId);
      this.#deps.enrolled.forgetPerson(collectionId, personId);
    }
    return outcome;
  }

  forgetThumbnails(): void {
    this.#deps.cache.thumbnails.clear();
  }
}
