import type { AuditRecorder } from '../../audit/audit-log.js';
import { AppFailure } from '../../errors/app-failure.js';
import type { Analysis, OzClient } from '../../oz/index.js';
import type { CheckRecords, CheckScope } from './check-records.js';
import { settleCleanup, type CleanupClient } from './clean-up-check.js';
import { hasFailed, waitForAnalysis, type PollClient, type PollPolicy } from './poll-analysis.js';
import { isForbidden, withRetry, type RetryPolicy } from './transient.js';

export type CheckClient = Pick<OzClient, 'createFolder' | 'startCollectionAnalysis'> & PollClient & CleanupClient;

/** A person of the collection the probe face matched. */
export interface CheckMatch {
  readonly personId: string;
  readonly confidence: number | null;
}

export interface CheckResult {
  readonly folderId: string;
  readonly analysisId: string;
  readonly matches: readonly CheckMatch[];
  /** Null when the analysis and folder were deleted; otherwise why not (the next sync retries). */
  readonly cleanupError: string | null;
}

export interface CheckDeps {
  readonly client: CheckClient;
  readonly audit?: AuditRecorder;
  readonly records: CheckRecords;
  readonly scope: CheckScope;
  readonly poll?: PollPolicy;
  readonly retry?: RetryPolicy;
  readonly signal?: AbortSignal;
}

/** Oz's default Blacklist/Collection threshold (reference §13, "Default thresholds"). */
export const MATCH_THRESHOLD = 0.85;

export const NOT_PERMITTED_MESSAGE =
  'This account may not start Collection (1:N) analyses on this server, so the duplicate check was not done. ' +
  'Ask the Oz administrator to allow Collection analyses for this account, or turn the 1:N duplicate check off in Settings.';

/** Raised when the server refuses the folder or the analysis for lack of rights. */
export class CheckNotPermittedError extends AppFailure {
  constructor() {
    super('FORBIDDEN', NOT_PERMITTED_MESSAGE);
  }
}

/**
 * The matched persons, best first, one entry per person. A candidate counts when its score
 * reaches Oz's threshold, when it carries no score, or when Oz declined the probe (its own
 * threshold may be lower).
 */
export function matchesOf(analysis: Analysis): readonly CheckMatch[] {
  const declined = analysis.resolution?.toUpperCase() === 'DECLINED';
  const best = new Map<string, CheckMatch>();
  for (const m of analysis.resultsMedia) {
    if (m.personId === null) continue;
    if (!(declined || m.confidence === null || m.confidence >= MATCH_THRESHOLD)) continue;
    const previous = best.get(m.personId);
    if (previous === undefined || (m.confidence ?? 0) > (previous.confidence ?? 0)) best.set(m.personId, { personId: m.personId, confidence: m.confidence });
  }
  return [...best.values()].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
}

const rethrowForbidden = (err: unknown): never => {
  throw isForbidden(err) ? new CheckNotPermittedError() : err;
};

async function analyse(deps: CheckDeps, folderId: string, mediaId: string | undefined, collectionId: string): Promise<Analysis> {
  const { client, signal } = deps;
  const started = await withRetry(
    () => client.startCollectionAnalysis(folderId, collectionId, mediaId === undefined ? undefined : [mediaId], { signal }),
    deps.retry,
    signal,
  ).catch(rethrowForbidden);
  const first = started[0];
  if (first === undefined) throw new AppFailure('OZ_API', 'The server started no 1:N check for this photo.');
  deps.records.addAnalysis(folderId, first.analysisId);
  const finished = await waitForAnalysis(client, first, folderId, { ...(deps.poll ? { policy: deps.poll } : {}), ...(signal ? { signal } : {}) });
  if (hasFailed(finished)) throw new AppFailure('OZ_API', 'Oz could not run the 1:N check for this photo (state FAILED).');
  return finished;
}

/**
 * One 1:N check, the seed's way: a folder made from the photo, a COLLECTION analysis on it by
 * `collection_id`, a bounded wait for its result, the matched persons from `results_media`,
 * then the analysis and folder deleted so the check never blocks deleting a matched person.
 * The record is written before the analysis starts, so a failed deletion is retried later.
 */
export async function runCollectionCheck(deps: CheckDeps, collectionId: string, photo: { readonly jpeg: Uint8Array; readonly sha256: string }): Promise<CheckResult> {
  const { client, signal } = deps;
  const folder = await withRetry(
    () =>
      client.createFolder(
        { photos: [{ bytes: photo.jpeg, fileName: `${photo.sha256}.jpg`, mimeType: 'image/jpeg', tags: ['photo_selfie'] }], metaData: { enroll_desk: { purpose: 'duplicate_check' } } },
        { signal },
      ),
    deps.retry,
    signal,
  ).catch(rethrowForbidden);
  deps.records.begin(deps.scope, folder.folderId, collectionId);
  // Cleaned up even when the operator cancelled: the folder holds a face.
  const cleanUp = async (): Promise<string | null> => {
    const record = deps.records.get(folder.folderId);
    return record === null ? null : settleCleanup(deps, record, { auditSuccess: false });
  };
  let analysis: Analysis;
  try {
    analysis = await analyse(deps, folder.folderId, folder.media[0]?.mediaId, collectionId);
  } catch (err) {
    await cleanUp();
    throw err;
  }
  const cleanupError = await cleanUp();
  return { folderId: folder.folderId, analysisId: analysis.analysisId, matches: matchesOf(analysis), cleanupError };
}
