import { t } from '../../../i18n/index.js';
import type { AuditState } from './state.js';
import { AUDIT_PAGE_SIZE } from './state.js';

/** "Entries 51–100 of 230", or null when there are none. */
export function selectAuditPageLabel(s: AuditState): string | null {
  if (s.auditTotal === 0 || s.auditEntries.length === 0) return null;
  return t('audit.pageLabel', { from: s.auditOffset + 1, to: s.auditOffset + s.auditEntries.length, total: s.auditTotal });
}

export const selectAuditHasPrevious = (s: AuditState): boolean => s.auditOffset > 0;
export const selectAuditHasNext = (s: AuditState): boolean => s.auditOffset + AUDIT_PAGE_SIZE < s.auditTotal;
