import type { AuditRecorder } from '../audit/audit-log.js';
import type { LoadedPolicy } from './load-policy.js';

/** Written at every start, so a changed, added or removed policy shows in the audit log. */
export function recordPolicyInForce(audit: AuditRecorder, loaded: LoadedPolicy): void {
  const note = loaded.sha256 === null ? 'no managed policy' : `sha256:${loaded.sha256} ${loaded.file ?? ''}`.trim();
  audit.record({ action: 'policyApplied', outcome: 'done', note: note.slice(0, 800), operator: null });
}
