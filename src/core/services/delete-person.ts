import { OzApiError, type OzClient } from '../oz/index.js';
import { scanningFinder, type RelatedAnalysesFinder, type RelatedAnalysis } from './delete-person-analyses.js';
import { isMaybeBlocked } from './refused-delete.js';

export type { RelatedAnalysis } from './delete-person-analyses.js';

export type PersonDeletionClient = Pick<OzClient, 'deletePerson' | 'deleteAnalysis' | 'iterateFolders' | 'getFolder' | 'getAnalysis'>;

export interface DeletePersonInput {
  readonly collectionId: string;
  readonly personId: string;
  /** The operator agreed to delete the COLLECTION analyses that matched this person. */
  readonly confirmDeleteAnalyses: boolean;
}

export type DeletePersonOutcome =
  | { readonly status: 'deleted'; readonly deletedAnalyses: readonly RelatedAnalysis[] }
  | { readonly status: 'blocked'; readonly analyses: readonly RelatedAnalysis[] };

// New matches can appear between our analysis deletions and the retry; give up after this.
const MAX_ATTEMPTS = 3;

/**
 * Deletes a person; when the server refuses (in whatever words, see isMaybeBlocked) and
 * COLLECTION analyses matched the person, reports them (not confirmed) or deletes them
 * first (confirmed). A refusal with no such analysis, 401/403/404 and other errors reach the
 * caller unchanged.
 */
export async function deletePerson(
  client: PersonDeletionClient,
  input: DeletePersonInput,
  opts: { readonly signal?: AbortSignal; readonly finder?: RelatedAnalysesFinder } = {},
): Promise<DeletePersonOutcome> {
  const finder = opts.finder ?? scanningFinder(client);
  const deletedAnalyses: RelatedAnalysis[] = [];
  let refusal: unknown = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    try {
      await client.deletePerson(input.collectionId, input.personId, { signal: opts.signal });
      return { status: 'deleted', deletedAnalyses };
    } catch (err) {
      if (!isMaybeBlocked(err)) throw err;
      refusal = err;
    }
    const analyses = await finder.find(input.personId, { fresh: attempt > 0, signal: opts.signal });
    // Refused for a reason we cannot see: let the caller have the server's own words.
    if (analyses.length === 0) throw refusal;
    if (!input.confirmDeleteAnalyses) return { status: 'blocked', analyses };
    for (const analysis of analyses) {
      if (await deleteAnalysisIfPresent(client, analysis.analysisId, opts.signal)) deletedAnalyses.push(analysis);
    }
  }
  throw refusal;
}

async function deleteAnalysisIfPresent(client: PersonDeletionClient, analysisId: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.deleteAnalysis(analysisId, { signal });
    return true;
  } catch (err) {
    if (err instanceof OzApiError && err.isNotFound) return false;
    throw err;
  }
}
