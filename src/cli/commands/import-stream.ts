import type { ImportOutcome, PersonResult } from '../../shared/domain/enroll.js';
import { auditImport, type AuditRecorder } from '../../core/audit/index.js';
import type { ScanReport } from '../../core/import/report.js';
import type { SyncWorker } from '../../core/queue/index.js';
import { importOutcomeOf, type EnrollService, type ImportSelection, type ScanOutcome } from '../../core/services/enroll/index.js';
import type { ShowProgress } from './progress-bar.js';

type Enqueued = Omit<ImportOutcome, 'scanId'>;

export interface ImportRun {
  readonly scan: ScanOutcome;
  readonly enqueued: Enqueued | null;
  /** Items the worker sent while the folder was still being read. */
  readonly sentDuringScan: number;
}

interface RunDeps {
  readonly service: EnrollService;
  readonly audit: AuditRecorder;
  readonly consent: { readonly confirmed: boolean; readonly textVersion: string };
  readonly selection: (report: ScanReport) => ImportSelection;
}

type OnPerson = (one: ScanOutcome) => Promise<void>;

/** The whole dry run (and its 1:N check), then one confirm transaction. */
export async function twoPhase(deps: RunDeps, scan: ScanOutcome, show: ShowProgress): Promise<ImportRun> {
  const enqueued = await auditImport(deps.audit, deps.consent, () =>
    deps.service.enrollScan(scan, deps.selection(scan.report), { onProgress: (p) => show('queueing', p.done, p.total, p.current) }),
  );
  return { scan, enqueued, sentDuringScan: 0 };
}

/**
 * Each person confirmed (one small transaction) as soon as the dry run decided them, in
 * file order, while the desk's sync worker, already started, sends what is queued.
 */
export async function streamed(deps: RunDeps, worker: SyncWorker, scanWith: (onPerson: OnPerson) => Promise<ScanOutcome>): Promise<ImportRun> {
  const doneBefore = worker.status().counts.doneToday;
  worker.start();
  const results: PersonResult[] = [];
  let scan: ScanOutcome | null = null;
  const enqueued = await auditImport(deps.audit, deps.consent, async () => {
    scan = await scanWith(async (one) => {
      results.push(...(await deps.service.enrollScan(one, deps.selection(one.report))).results);
    });
    return importOutcomeOf(scan.collectionId, results);
  });
  if (scan === null) throw new Error('the dry run ended without a report');
  return { scan, enqueued, sentDuringScan: Math.max(0, worker.status().counts.doneToday - doneBefore) };
}
