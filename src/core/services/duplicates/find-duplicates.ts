import type { DuplicateCandidate, DuplicateCheckSummary } from '../../../shared/domain/duplicates.js';
import type { PersonName } from '../../../shared/domain/persons.js';
import type { AuditRecorder } from '../../audit/audit-log.js';
import { auditErrorCode } from '../../audit/audit-error-code.js';
import { toAppError } from '../../errors/to-app-error.js';
import type { PersonReport, PhotoReport, ScanReport } from '../../import/report.js';
import type { OzClient } from '../../oz/index.js';
import { nameOf } from '../persons/person-view.js';
import type { CheckRecords, CheckScope } from './check-records.js';
import { CheckNotPermittedError, NOT_PERMITTED_MESSAGE, runCollectionCheck, type CheckMatch } from './collection-check.js';
import type { PollPolicy } from './poll-analysis.js';
import { withRetry } from './transient.js';

/** What the desk knows of persons without asking the server (its cache of the collection). */
export interface NameIndex {
  nameOf(collectionId: string, personId: string): Promise<PersonName | null>;
  /** Persons whose normalised name equals this one. */
  sameName(collectionId: string, name: PersonName): Promise<readonly { readonly personId: string; readonly name: PersonName }[]>;
}

export interface DuplicateFinderDeps {
  readonly records: CheckRecords;
  readonly audit?: AuditRecorder;
  readonly poll?: PollPolicy;
  readonly nameIndex?: NameIndex;
}

export type CheckMode = { readonly kind: 'online'; readonly client: OzClient; readonly scope: CheckScope } | { readonly kind: 'offline' } | { readonly kind: 'off' };

export interface FindInput {
  readonly collectionId: string;
  readonly mode: CheckMode;
  /** The photo as it would be enrolled (same pipeline, same crop); null when it cannot be read now. */
  readonly load: (photo: PhotoReport, signal?: AbortSignal) => Promise<{ readonly jpeg: Uint8Array; readonly sha256: string } | null>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly current?: string }) => void;
}

const CHECKS_IN_FLIGHT = 2;

const OFFLINE_MESSAGE =
  'The server could not be reached, so the 1:N duplicate check was not done. Only the desk’s own records were compared: the same photo, or a person of the same name.';
const OFF_MESSAGE = 'The 1:N duplicate check is turned off in the settings: only photos already enrolled from this desk are recognised.';

interface PhotoMatches {
  readonly person: number;
  readonly fileName: string;
  readonly matches: readonly CheckMatch[];
}

/** One pass over the accepted faces, a few in flight; stops at the first "not permitted". */
async function checkAll(deps: DuplicateFinderDeps, input: FindInput, client: OzClient, scope: CheckScope, persons: readonly PersonReport[]) {
  const work = persons.flatMap((p, person) => p.photos.filter((ph) => ph.status === 'accepted').map((photo) => ({ person, photo })));
  const found: PhotoMatches[] = [];
  const errors: string[] = [];
  let checked = 0;
  let unreachable = 0;
  let notPermitted = false;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < work.length && !notPermitted && !input.signal?.aborted) {
      const item = work[next++];
      if (item === undefined) return;
      try {
        const probe = await input.load(item.photo, input.signal);
        if (probe === null) throw new Error(`${item.photo.fileName} could not be read again`);
        const result = await runCollectionCheck({ client, records: deps.records, scope, ...(deps.poll ? { poll: deps.poll } : {}), ...(deps.audit ? { audit: deps.audit } : {}), ...(input.signal ? { signal: input.signal } : {}) }, input.collectionId, probe);
        checked += 1;
        deps.audit?.record({
          action: 'duplicateChecked',
          targets: { collectionId: input.collectionId, analysisId: result.analysisId, ...(result.matches[0] ? { personId: result.matches[0].personId } : {}) },
          outcome: 'done',
          counts: { matches: result.matches.length, cleanupPending: result.cleanupError === null ? 0 : 1 },
        });
        if (result.matches.length > 0) found.push({ person: item.person, fileName: item.photo.fileName, matches: result.matches });
      } catch (err) {
        if (err instanceof CheckNotPermittedError) notPermitted = true;
        else {
          const error = toAppError(err);
          if (error.code === 'NETWORK') unreachable += 1;
          errors.push(`${item.photo.fileName}: ${error.message}`);
        }
        deps.audit?.record({ action: 'duplicateChecked', targets: { collectionId: input.collectionId }, outcome: 'failed', errorCode: auditErrorCode(err) });
      }
      input.onProgress?.({ done: Math.min(next, work.length), total: work.length, current: item.photo.path });
    }
  };
  input.onProgress?.({ done: 0, total: work.length });
  await Promise.all(Array.from({ length: CHECKS_IN_FLIGHT }, worker));
  return { found, errors, checked, unreachable, notPermitted, total: work.length };
}

/** Names of matched persons: from the server, else the desk's cache, else unknown. */
async function namer(deps: DuplicateFinderDeps, client: OzClient, collectionId: string, signal?: AbortSignal) {
  const known = new Map<string, Promise<PersonName | null>>();
  const lookUp = async (personId: string): Promise<PersonName | null> => {
    try {
      return nameOf((await withRetry(() => client.getPerson(collectionId, personId, { signal }), undefined, signal)).metaData);
    } catch {
      return (await deps.nameIndex?.nameOf(collectionId, personId)) ?? null;
    }
  };
  return (personId: string): Promise<PersonName | null> => {
    let name = known.get(personId);
    if (name === undefined) {
      name = lookUp(personId);
      known.set(personId, name);
    }
    return name;
  };
}

async function byName(deps: DuplicateFinderDeps, collectionId: string, persons: readonly PersonReport[]): Promise<readonly PersonReport[]> {
  const index = deps.nameIndex;
  if (index === undefined) return persons;
  return Promise.all(
    persons.map(async (p) => {
      const same = await index.sameName(collectionId, p.name);
      const candidates: DuplicateCandidate[] = same.map((s) => ({ personId: s.personId, name: s.name, score: null, via: 'name_index', fileName: null }));
      return candidates.length === 0 ? p : { ...p, possibleDuplicates: candidates };
    }),
  );
}

function summary(state: DuplicateCheckSummary['state'], counts: { checked: number; failed: number; cleanupPending: number }, message: string | null): DuplicateCheckSummary {
  return { state, ...counts, message };
}

/**
 * The dry run's 1:N duplicate check. Online, every accepted face goes through Oz's
 * COLLECTION analysis and persons it matched are named in the report; offline (or when Oz
 * refuses the analysis) the desk's name index stands in, and the report says the 1:N check
 * was not done. Photos the desk already enrolled are flagged by hash in the scan itself.
 */
export async function findDuplicates(report: ScanReport, input: FindInput, deps: DuplicateFinderDeps): Promise<ScanReport> {
  const zero = { checked: 0, failed: 0, cleanupPending: deps.records.count() };
  const { mode } = input;
  if (mode.kind === 'off') return { ...report, duplicateCheck: summary('off', zero, OFF_MESSAGE) };
  if (mode.kind === 'offline') {
    return { ...report, persons: await byName(deps, input.collectionId, report.persons), duplicateCheck: summary('offline', zero, OFFLINE_MESSAGE) };
  }
  const run = await checkAll(deps, input, mode.client, mode.scope, report.persons);
  // The server went away after the desk decided it was online: the same fallback as offline.
  if (run.total > 0 && run.unreachable === run.total) {
    return { ...report, persons: await byName(deps, input.collectionId, report.persons), duplicateCheck: summary('offline', { ...zero, failed: run.total }, OFFLINE_MESSAGE) };
  }
  const counts = { checked: run.checked, failed: run.errors.length, cleanupPending: deps.records.count(mode.scope) };
  if (run.notPermitted) {
    return { ...report, persons: await byName(deps, input.collectionId, report.persons), duplicateCheck: summary('not_permitted', counts, NOT_PERMITTED_MESSAGE) };
  }
  const name = await namer(deps, mode.client, input.collectionId, input.signal);
  const persons = await Promise.all(
    report.persons.map(async (p, index) => {
      const hits = run.found.filter((f) => f.person === index);
      if (hits.length === 0) return p;
      const best = new Map<string, DuplicateCandidate>();
      for (const hit of hits) {
        for (const m of hit.matches) {
          const previous = best.get(m.personId);
          if (previous !== undefined && (previous.score ?? 0) >= (m.confidence ?? 0)) continue;
          best.set(m.personId, { personId: m.personId, name: null, score: m.confidence, via: 'collection_analysis', fileName: hit.fileName });
        }
      }
      const candidates = await Promise.all([...best.values()].map(async (c) => ({ ...c, name: await name(c.personId) })));
      return { ...p, possibleDuplicates: candidates.sort((a, b) => (b.score ?? 0) - (a.score ?? 0)) };
    }),
  );
  const incomplete = run.errors.length > 0 || run.checked < run.total;
  const message = incomplete
    ? `${run.total - run.checked} of ${run.total} faces could not be checked with Oz${run.errors[0] ? ` (${run.errors[0]})` : ''}; scan again to check them.`
    : null;
  return { ...report, persons, duplicateCheck: summary(incomplete ? 'partial' : 'done', counts, message) };
}
