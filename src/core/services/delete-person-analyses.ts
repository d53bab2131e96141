import { OzApiError, type Analysis, type OzClient } from '../oz/index.js';
import { isSettled, waitForAnalysis } from './duplicates/poll-analysis.js';

/** A COLLECTION analysis that matched a person and so blocks the person's deletion. */
export interface RelatedAnalysis {
  readonly analysisId: string;
  readonly folderId: string;
  /** The folder's `time_created`, epoch seconds. */
  readonly folderCreated: number | null;
  readonly confidence: number | null;
}

export type AnalysisScanClient = Pick<OzClient, 'iterateFolders' | 'getFolder' | 'getAnalysis'>;

const FOLDER_READS_IN_FLIGHT = 4;

/**
 * The seed's procedure: list the folders that ran a COLLECTION analysis, read each
 * folder, and keep the analyses whose results name one of `personIds`.
 */
export async function scanRelatedAnalyses(
  client: AnalysisScanClient,
  personIds: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, readonly RelatedAnalysis[]>> {
  const folderIds: string[] = [];
  for await (const folder of client.iterateFolders({ analyseType: 'COLLECTION', pageSize: 100, signal })) {
    folderIds.push(folder.folderId);
  }
  const found = new Map<string, RelatedAnalysis[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < folderIds.length) {
      const folderId = folderIds[next++] as string;
      const folder = await client.getFolder(folderId, { signal }).catch((err: unknown) => {
        // A folder deleted since the listing simply has no analyses left.
        if (err instanceof OzApiError && err.isNotFound) return null;
        throw err;
      });
      for (const listed of folder?.analyses ?? []) {
        if (listed.type !== 'COLLECTION') continue;
        const analysis = await settled(client, listed, folderId, signal);
        for (const match of analysis.resultsMedia) {
          if (match.personId === null || !personIds.has(match.personId)) continue;
          const list = found.get(match.personId) ?? [];
          if (list.some((a) => a.analysisId === analysis.analysisId)) continue;
          list.push({
            analysisId: analysis.analysisId,
            folderId,
            folderCreated: folder?.timeCreated ?? null,
            confidence: match.confidence ?? analysis.confidence,
          });
          found.set(match.personId, list);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: FOLDER_READS_IN_FLIGHT }, worker));
  return found;
}

// Whom an analysis still running matched is not known yet (Oz fills results_media once it has
// finished), and it may already block a deletion: wait for it, within the poll's time limit.
async function settled(client: AnalysisScanClient, analysis: Analysis, folderId: string, signal?: AbortSignal): Promise<Analysis> {
  const saysNothing = analysis.state === null && analysis.resolution === null;
  return saysNothing || isSettled(analysis) ? analysis : waitForAnalysis(client, analysis, folderId, signal === undefined ? {} : { signal });
}

/** Looks up the analyses blocking one person; `fresh` forces a new scan. */
export interface RelatedAnalysesFinder {
  find(personId: string, opts: { readonly fresh: boolean; readonly signal?: AbortSignal }): Promise<readonly RelatedAnalysis[]>;
}

export function scanningFinder(client: AnalysisScanClient): RelatedAnalysesFinder {
  return {
    async find(personId, { signal }) {
      return (await scanRelatedAnalyses(client, new Set([personId]), signal)).get(personId) ?? [];
    },
  };
}

/**
 * For whole-collection deletion: one scan indexes every listed person, so each blocked
 * person costs a lookup rather than a walk over all folders.
 */
export function indexedFinder(client: AnalysisScanClient, personIds: () => ReadonlySet<string>): RelatedAnalysesFinder {
  let index: ReadonlyMap<string, readonly RelatedAnalysis[]> | null = null;
  return {
    async find(personId, { fresh, signal }) {
      const cached = index?.get(personId);
      if (!fresh && cached !== undefined) return cached;
      const ids = new Set(personIds());
      ids.add(personId);
      index = await scanRelatedAnalyses(client, ids, signal);
      return index.get(personId) ?? [];
    },
  };
}
