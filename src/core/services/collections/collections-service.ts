import type { CollectionList, CollectionSummary, Company, CreateCollectionInput, DeletionPreview } from '../../../shared/domain/collections.js';
import { AppFailure } from '../../errors/app-failure.js';
import type { OzClient } from '../../oz/index.js';
import type { DeskCache } from '../cache/desk-cache.js';
import { unreachableReason } from '../cache/unreachable.js';
import { scanRelatedAnalyses } from '../delete-person-analyses.js';
import { listCollections } from './list-collections.js';

export interface CollectionsServiceDeps {
  readonly client: () => OzClient;
  readonly cache: DeskCache;
}

/** Collections and companies as the screens need them, with the cache as the offline fallback. */
export class CollectionsService {
  constructor(private readonly deps: CollectionsServiceDeps) {}

  async list(): Promise<CollectionList> {
    const { cache } = this.deps;
    try {
      const client = this.deps.client();
      // Company names are not on collections; one search for all visible companies fills them in.
      const companies = await client.searchCompanies('').catch(() => []);
      cache.rememberCompanies(companies);
      const listed = await listCollections(client, (id) => cache.companyName(id));
      const collections = await cache.personCounts.fill(client, listed);
      const asOf = cache.replaceCollections(collections);
      return { collections, asOf, offline: false, offlineReason: null };
    } catch (err) {
      const reason = unreachableReason(err);
      if (reason === null) throw err;
      const cached = cache.collections();
      return { collections: cached.collections, asOf: cached.asOf ?? 0, offline: true, offlineReason: reason };
    }
  }

  async searchCompanies(text: string): Promise<readonly Company[]> {
    const companies = await this.deps.client().searchCompanies(text);
    this.deps.cache.rememberCompanies(companies);
    return companies;
  }

  rememberedCompany(): Company | null {
    return this.deps.cache.lastCompany();
  }

  async create(input: CreateCollectionInput): Promise<CollectionSummary> {
    const created = await this.deps.client().createCollection({ alias: input.alias, companyId: input.company.companyId });
    this.deps.cache.setLastCompany(input.company);
    return {
      collectionId: created.collectionId,
      alias: created.alias,
      companyId: created.companyId,
      companyName: input.company.name,
      timeCreated: created.timeCreated,
      personsCount: 0,
    };
  }

  /** Counts what deleting the collection removes: its persons, their photos and the analyses that matched them. */
  async preview(collectionId: string): Promise<DeletionPreview> {
    const client = this.deps.client();
    const collection = await client.getCollection(collectionId);
    const personIds = new Set<string>();
    let photos = 0;
    const reader = this.deps.cache.personPhotos;
    for await (const person of client.iteratePersons(collectionId, { pageSize: 500 })) {
      personIds.add(person.personId);
      photos += (await reader.of(client, collectionId, person, { fresh: true })).length;
    }
    const related = personIds.size === 0 ? new Map() : await scanRelatedAnalyses(client, personIds);
    const analyses = new Set([...related.values()].flat().map((a: { analysisId: string }) => a.analysisId));
    return { collectionId, alias: collection.alias, persons: personIds.size, photos, analyses: analyses.size };
  }

  /** The typed alias must match the collection's, so a slip of the mouse cannot delete one. */
  async checkAlias(collectionId: string, typed: string): Promise<string> {
    const collection = await this.deps.client().getCollection(collectionId);
    if (typed.trim() !== collection.alias) {
      throw new AppFailure('BAD_INPUT', `Type the alias “${collection.alias}” exactly to confirm.`, { field: 'confirmAlias' });
    }
    return collection.alias;
  }
}
