import { canSeeCompany } from '../auth/access-policy.js';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../errors.js';
import type { AnalysisRow } from '../store/analyses-repo.js';
import type { CollectionRow } from '../store/collections-repo.js';
import type { FolderRow } from '../store/folders-repo.js';
import type { PersonRow } from '../store/persons-repo.js';
import type { SandboxContext } from './context.js';

// Each lookup answers 404 (code 10) both for a missing object and for another company's.

export function visibleCollection(ctx: SandboxContext, me: Principal, collectionId: string): CollectionRow {
  const collection = ctx.collections.get(collectionId);
  if (collection === null || !canSeeCompany(me, collection.company_id)) throw notFound('collection');
  return collection;
}

export function visiblePerson(
  ctx: SandboxContext,
  me: Principal,
  collectionId: string,
  personId: string,
): { readonly collection: CollectionRow; readonly person: PersonRow } {
  const collection = visibleCollection(ctx, me, collectionId);
  const person = ctx.persons.get(personId);
  if (person === null || person.collection_id !== collection.collection_id) throw notFound('person');
  return { collection, person };
}

export function visibleFolder(ctx: SandboxContext, me: Principal, folderId: string): FolderRow {
  const folder = ctx.folders.get(folderId);
  if (folder === null || !canSeeCompany(me, folder.company_id)) throw notFound('folder');
  return folder;
}

export function visibleAnalysis(ctx: SandboxContext, me: Principal, analyseId: string): AnalysisRow {
  const analysis = ctx.analyses.get(analyseId);
  const folder = analysis === null ? null : ctx.folders.get(analysis.folder_id);
  if (analysis === null || folder === null || !canSeeCompany(me, folder.company_id)) throw notFound('analysis');
  return analysis;
}
