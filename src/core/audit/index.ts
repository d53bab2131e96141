export { openAuditLog, type AuditLog, type AuditRange, type AuditRecorder, type AuditSource, type PurgeResult } from './audit-log.js';
export { findAuditKey, loadAuditKey } from './audit-key.js';
export { auditErrorCode } from './audit-error-code.js';
export { withAudit, type AuditedAction, type AuditedResult } from './with-audit.js';
export { auditCollectionDeletions, auditPersonDeletion } from './audited-deletions.js';
export { auditEnrollPerson, auditImport, recordQualityOverride } from './audited-enrollment.js';
export { EXPORTS_DIR, writeAuditExport } from './audit-export.js';
export { findAuditHeadKey, loadAuditHeadKey } from './audit-head-seal.js';
