import type { AuditAction, AuditCounts, AuditOutcome, AuditTargets } from '../../shared/domain/audit.js';
import { auditErrorCode } from './audit-error-code.js';
import type { AuditRecorder } from './audit-log.js';

export interface AuditedAction {
  readonly action: Exclude<AuditAction, 'checkpoint'>;
  readonly targets?: AuditTargets;
}

export interface AuditedResult {
  readonly outcome?: AuditOutcome;
  /** Ids known only afterwards (e.g. the new person's id) join the ones given up front. */
  readonly targets?: AuditTargets;
  readonly counts?: AuditCounts;
}

/**
 * Runs one operator action and records exactly one entry: `done` (or what `describe`
 * says, e.g. `queued`) on success, `failed` with the error's code when it throws.
 */
export async function withAudit<T>(
  audit: AuditRecorder,
  what: AuditedAction,
  run: () => Promise<T> | T,
  describe: (value: T) => AuditedResult = () => ({}),
): Promise<T> {
  let value: T;
  try {
    value = await run();
  } catch (err) {
    audit.record({ action: what.action, targets: what.targets ?? {}, outcome: 'failed', errorCode: auditErrorCode(err) });
    throw err;
  }
  const result = describe(value);
  audit.record({
    action: what.action,
    targets: { ...what.targets, ...result.targets },
    outcome: result.outcome ?? 'done',
    counts: result.counts ?? null,
  });
  return value;
}
