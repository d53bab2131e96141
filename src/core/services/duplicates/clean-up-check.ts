import type { AuditRecorder } from '../../audit/audit-log.js';
import { auditErrorCode } from '../../audit/audit-error-code.js';
import { errorText } from '../../queue/classify-error.js';
import { OzApiError, type OzClient } from '../../oz/index.js';
import type { CheckRecord, CheckRecords, CheckScope } from './check-records.js';
import { isForbidden, isUnsupported, withRetry } from './transient.js';

export type CleanupClient = Pick<OzClient, 'getFolder' | 'deleteAnalysis' | 'deleteFolder'>;

const isGone = (err: unknown): boolean => err instanceof OzApiError && err.isNotFound;

/** The check's analyses: those it recorded and any the folder shows (a start whose answer was lost). */
async function analysesOf(client: CleanupClient, record: CheckRecord, signal?: AbortSignal): Promise<readonly string[] | null> {
  try {
    const folder = await withRetry(() => client.getFolder(record.folderId, { signal }), undefined, signal);
    const listed = (folder.analyses ?? []).filter((a) => a.type === 'COLLECTION').map((a) => a.analysisId);
    return [...new Set([...record.analysisIds, ...listed])];
  } catch (err) {
    // The folder is gone, and its analyses with it.
    if (isGone(err)) return null;
    throw err;
  }
}

/**
 * Deletes the check's analyses, then its folder where the server allows that (Oz documents
 * no folder deletion: a refusal keeps a folder no analysis references any more, which blocks
 * nothing). Throws when an analysis may still be there.
 */
export async function cleanUpCheck(client: CleanupClient, record: CheckRecord, signal?: AbortSignal): Promise<readonly string[]> {
  const analyses = await analysesOf(client, record, signal);
  if (analyses === null) return [];
  const deleted: string[] = [];
  for (const id of analyses) {
    try {
      await withRetry(() => client.deleteAnalysis(id, { signal }), undefined, signal);
      deleted.push(id);
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  }
  try {
    await withRetry(() => client.deleteFolder(record.folderId, { signal }), undefined, signal);
  } catch (err) {
    if (!(isGone(err) || isForbidden(err) || isUnsupported(err))) throw err;
  }
  return deleted;
}

export interface CleanupPassResult {
  readonly cleaned: number;
  readonly remaining: number;
}

/** Cleans one recorded check (a failure is always audited), keeping the record (with the reason) when the server refused or failed. */
export async function settleCleanup(
  deps: { readonly client: CleanupClient; readonly records: CheckRecords; readonly audit?: AuditRecorder },
  record: CheckRecord,
  opts: { readonly signal?: AbortSignal; readonly auditSuccess: boolean },
): Promise<string | null> {
  try {
    const deleted = await cleanUpCheck(deps.client, record, opts.signal);
    deps.records.cleaned(record.folderId);
    // The check's own entry already says its analysis went; a later pass records each deletion.
    if (!opts.auditSuccess) return null;
    for (const analysisId of deleted) {
      deps.audit?.record({ action: 'analysisDeleted', targets: { collectionId: record.collectionId, analysisId }, outcome: 'done' });
    }
    return null;
  } catch (err) {
    const why = errorText(err);
    deps.records.cleanupFailed(record.folderId, why);
    for (const analysisId of record.analysisIds) {
      deps.audit?.record({ action: 'analysisDeleted', targets: { collectionId: record.collectionId, analysisId }, outcome: 'failed', errorCode: auditErrorCode(err) });
    }
    return why;
  }
}

/** The sync pass: retries every check of this server and account whose cleanup is still owed. */
export async function cleanUpChecks(
  deps: { readonly client: CleanupClient; readonly records: CheckRecords; readonly scope: CheckScope; readonly audit?: AuditRecorder },
  signal?: AbortSignal,
): Promise<CleanupPassResult> {
  let cleaned = 0;
  for (const record of deps.records.due(deps.scope)) {
    if (signal?.aborted) break;
    if ((await settleCleanup(deps, record, { ...(signal ? { signal } : {}), auditSuccess: true })) === null) cleaned += 1;
  }
  return { cleaned, remaining: deps.records.count(deps.scope) };
}
