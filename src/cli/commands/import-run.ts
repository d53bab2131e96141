import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { consentTermsOf } from '../../shared/domain/consent.js';
import { codesNeedingOverride } from '../../shared/domain/quality-acceptance.js';
import type { QualityOverride } from '../../shared/domain/quality.js';
import { resolveQualityThresholds } from '../../shared/domain/quality-thresholds.js';
import { recordQualityOverride, type AuditLog } from '../../core/audit/index.js';
import { AppFailure } from '../../core/errors/app-failure.js';
import { createPhotoProcessor } from '../../core/images/photo-processor.js';
import type { ScanProgress, ScanReport } from '../../core/import/report.js';
import type { OzClient } from '../../core/oz/index.js';
import type { DeskScope } from '../../shared/domain/desk-scope.js';
import type { EnrollmentQueue, SyncReport, SyncWorker } from '../../core/queue/index.js';
import { createFaceDetector } from '../../core/quality/index.js';
import { createDeskSyncWorker, EnrollService, QueuedEnrollmentSink, type ImportSelection } from '../../core/services/enroll/index.js';
import { streamed, twoPhase, type ImportRun } from './import-stream.js';
import type { SettingsStore } from '../../core/settings/settings-store.js';
import { describeDuration, parseDuration } from '../duration-option.js';
import { progressBar } from './progress-bar.js';
import { CLI_BACKOFF, CLI_PROBE_INTERVAL_MS, drainWithin } from './drain.js';
import { ItemTrackingSink, settleOutcomes, type PersonOutcome } from './import-outcomes.js';
import { exitCode, fileResults, personCounts, summaryTable, type ReportInput } from './import-report.js';
import type { ImportTarget } from './import-target.js';
import { choicesFor, cliDuplicateDeps, type DuplicatePlan } from './import-duplicates.js';
import type { DeskCache } from '../../core/services/cache/desk-cache.js';

export interface ImportOptions {
  readonly collection?: string;
  readonly collectionId?: string;
  readonly company?: string;
  readonly manifest?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly allowDuplicates?: boolean;
  readonly consentVersion?: string;
  readonly server?: string;
  readonly email?: string;
  readonly createCollection?: boolean;
  readonly acceptQualityWarnings?: string;
  readonly duplicateCheck?: string;
  readonly onDuplicate?: string;
  readonly duplicateNote?: string;
  readonly wait: string;
}

export interface ImportDeps {
  readonly db: Database.Database;
  readonly queue: EnrollmentQueue;
  readonly settings: SettingsStore;
  readonly terms: ReturnType<typeof consentTermsOf>;
  readonly operator: string;
  /** The server and account signed in as: what the import queues is made for it, and only its items are sent. */
  readonly scope: DeskScope;
  /** The desk's audit log: CLI imports are operator actions too. */
  readonly audit: AuditLog;
  /** The signed-in client; null when the server could not be asked (then nothing is sent now). */
  readonly client: OzClient | null;
  readonly offlineReason: string | null;
  /** How long the dry run's server reads retry transient errors. */
  readonly retryMs: number;
  /** The server the desk signed in to (the 1:N checks' records belong to it and the operator). */
  readonly server: string;
  readonly duplicates: DuplicatePlan;
  readonly nameCache: () => Promise<DeskCache>;
}

function enrollService(deps: ImportDeps, sink: ItemTrackingSink, detector: ReturnType<typeof createFaceDetector>): EnrollService {
  const { client, offlineReason } = deps;
  return new EnrollService({
    db: deps.db,
    photos: createPhotoProcessor({ concurrency: 2 }),
    client: () => {
      if (client === null) throw new AppFailure('NETWORK', `The server-side duplicate check was skipped: ${offlineReason ?? 'the server cannot be reached'}.`);
      return client;
    },
    sink,
    stagingOwner: 'cli',
    readRetryBudgetMs: deps.retryMs,
    isQueued: (collectionId, sha256) => deps.queue.hasPhoto(sha256, collectionId),
    deskName: () => deps.settings.get().deskName,
    operator: () => deps.operator,
    scope: () => deps.scope,
    consentTerms: () => deps.terms,
    detector,
    thresholds: () => resolveQualityThresholds(deps.settings.get().qualityThresholds),
    onQualityOverride: (targets, override) => recordQualityOverride(deps.audit, targets, override),
    duplicates: cliDuplicateDeps(
      { db: deps.db, audit: deps.audit, cache: deps.nameCache, plan: deps.duplicates },
      client === null ? null : { server: deps.server, account: deps.operator },
    ),
  });
}

/**
 * Dry run, then (unless --dry-run) enqueue every accepted person and drain the queue for up
 * to --wait. Where no 1:N check must decide a person first, each person is enqueued as soon
 * as their photos are checked and the one sync worker sends while the folder is still read;
 * with --duplicate-check on, the check needs the whole dry run, so enqueueing follows it.
 */
export async function importInto(folder: string, options: ImportOptions, deps: ImportDeps, target: ImportTarget): Promise<number> {
  const detector = createFaceDetector();
  const bar = progressBar();
  const tracking = new ItemTrackingSink(new QueuedEnrollmentSink(deps.queue));
  const service = enrollService(deps, tracking, detector);
  const worker = options.dryRun === true ? null : syncWorker(options, deps);
  // The run's staged photos are purged when it ends, whether it enqueued them or not.
  const sessionId = randomUUID();
  try {
    const input = { path: folder, manifestPath: options.manifest, collectionId: target.collectionId, sessionId, stage: options.dryRun !== true };
    const onProgress = (p: ScanProgress): void => bar.show(p.phase, p.done, p.total, p.current);
    const consent = { confirmed: true, textVersion: deps.terms.version };
    const selection = (report: ScanReport): ImportSelection => ({
      consent,
      allowDuplicates: options.allowDuplicates === true,
      qualityOverrides: acceptAll(report, options.acceptQualityWarnings),
      duplicateChoices: choicesFor(report, deps.duplicates),
    });
    const runDeps = { service, audit: deps.audit, consent, selection };
    const run: ImportRun =
      options.dryRun === true
        ? { scan: await service.scan(input, { onProgress }), enqueued: null, sentDuringScan: 0 }
        : worker !== null && !deps.duplicates.enabled
          ? await streamed(runDeps, worker, (onPerson) => service.scan(input, { onProgress, onPerson }))
          : await twoPhase(runDeps, await service.scan(input, { onProgress }), bar.show);
    bar.stop();
    const { scan, enqueued } = run;
    const stopped = enqueued?.results.some((r) => r.status === 'skipped' && r.message?.startsWith('Not attempted')) ?? false;
    const sent = enqueued !== null && !stopped && worker !== null ? await drain(worker, options, run.sentDuringScan) : null;
    const outcomes = enqueued === null ? null : settleOutcomes(scan, enqueued.results, tracking, deps.queue, notSentReason(options, deps, sent));
    const report: ReportInput = { report: scan.report, outcomes, allowDuplicates: options.allowDuplicates === true, acceptingQuality: options.acceptQualityWarnings !== undefined };
    const code = exitCode(report, stopped || sent?.stoppedBy === 'paused');
    print(options, report, { target, offline: deps.offlineReason, serverCheckError: scan.serverCheckError, sent, code });
    return code;
  } finally {
    await worker?.stop();
    service.discardStaging({ sessionId });
    bar.stop();
    await detector.close();
  }
}

/** The desk's one sync worker for this run; null when nothing can be sent now (offline, or --wait 0). */
function syncWorker(options: ImportOptions, deps: ImportDeps): SyncWorker | null {
  const { client } = deps;
  if (client === null || (parseDuration(options.wait) ?? 0) === 0) return null;
  const worker = createDeskSyncWorker({ queue: deps.queue, db: deps.db, getClient: () => client, scope: () => deps.scope, concurrency: 2, probeIntervalMs: CLI_PROBE_INTERVAL_MS, backoff: CLI_BACKOFF });
  worker.serverReachable();
  return worker;
}

/** The drain for up to --wait after the folder is read; its count includes what was sent meanwhile. */
async function drain(worker: SyncWorker, options: ImportOptions, sentDuringScan: number): Promise<SyncReport> {
  const report = await drainWithin(worker, parseDuration(options.wait) ?? 0, { quiet: options.json === true, label: 'sending' });
  return { ...report, sent: report.sent + sentDuringScan };
}

function notSentReason(options: ImportOptions, deps: ImportDeps, sent: SyncReport | null): string {
  if (deps.offlineReason !== null) return `not sent, ${deps.offlineReason}`;
  if (sent === null) return 'not sent (--wait 0 only queues)';
  if (sent.stoppedBy === 'paused') return 'not sent: the server refused the credentials or permissions';
  return `not sent within --wait ${describeDuration(parseDuration(options.wait) ?? 0)}`;
}

interface RunFacts {
  readonly target: ImportTarget;
  readonly offline: string | null;
  readonly serverCheckError: string | null;
  readonly sent: SyncReport | null;
  readonly code: number;
}

function print(options: ImportOptions, input: ReportInput, facts: RunFacts): void {
  const files = fileResults(input);
  const { target } = facts;
  if (options.json === true) {
    const summary = {
      collection: { id: target.collectionId, alias: target.alias, created: target.created },
      dryRun: options.dryRun === true,
      offline: facts.offline !== null,
      offlineReason: facts.offline,
      counts: { ...input.report.counts, problems: input.report.problems.length, ...(input.outcomes ? { persons: personCounts(input.outcomes) } : {}) },
      persons: input.outcomes ?? [],
      files,
      problems: input.report.problems,
      serverCheckError: facts.serverCheckError,
      duplicateCheck: input.report.duplicateCheck ?? null,
      sync: facts.sent,
      exitCode: facts.code,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(summaryTable(input, files, target.alias));
  if (facts.offline !== null) process.stdout.write(`Nothing was sent: ${facts.offline}.\n`);
  const queued = input.outcomes?.filter((o: PersonOutcome) => o.status === 'queued').length ?? 0;
  if (queued > 0) process.stdout.write(`${queued} person${queued === 1 ? '' : 's'} still queued — run \`enroll-desk sync\` (or this import again) when the server is reachable\n`);
}

/** Every flagged photo accepted with the operator's one note (--accept-quality-warnings). */
function acceptAll(report: ScanReport, note: string | undefined): Record<string, QualityOverride> {
  if (note === undefined) return {};
  const out: Record<string, QualityOverride> = {};
  for (const photo of report.persons.flatMap((p) => p.photos)) {
    const codes = codesNeedingOverride(photo.quality);
    if (codes.length > 0) out[photo.path] = { codes, note };
  }
  return out;
}
