import type { AuditAction, AuditEntry, AuditExportResult, AuditVerifyResult } from '../../../../shared/domain/audit.js';
import type { StaleSyncVerdict } from '../../../../shared/domain/audit-stale-sync.js';
import type { AppError } from '../../../../shared/result.js';

/** The filter form as typed: dates as `YYYY-MM-DD` (local days), empty means "any". */
export interface AuditFilters {
  readonly from: string;
  readonly to: string;
  readonly operator: string;
  readonly action: AuditAction | '';
  readonly target: string;
}

export interface DeskResetResultView {
  readonly queueItems: number;
  readonly unsyncedDiscarded: number;
  readonly cacheRows: number;
  readonly secretsRemoved: number;
}

export interface AuditState {
  readonly auditFilters: AuditFilters;
  readonly auditEntries: readonly AuditEntry[];
  readonly auditTotal: number;
  readonly auditOffset: number;
  readonly auditLoading: boolean;
  readonly auditError: AppError | null;
  readonly auditChain: AuditVerifyResult | null;
  readonly auditVerifying: boolean;
  readonly auditExported: AuditExportResult | null;
  readonly auditExporting: boolean;
  /** Unsynced enrollments a desk reset would lose; null until asked. */
  readonly resetUnsynced: number | null;
  readonly resetBusy: boolean;
  readonly resetError: AppError | null;
  readonly resetDone: DeskResetResultView | null;
  readonly staleSync: StaleSyncVerdict | null;
}

export interface AuditActions {
  setAuditFilters(patch: Partial<AuditFilters>): void;
  clearAuditFilters(): void;
  /** Loads the page at `offset` (default: the first) with the current filters. */
  loadAudit(offset?: number): Promise<void>;
  verifyAudit(): Promise<void>;
  exportAudit(format: 'csv' | 'json'): Promise<void>;
  loadResetUnsynced(): Promise<void>;
  /** Resolves true when the desk was reset. */
  resetDesk(confirmUnsynced: number | undefined): Promise<boolean>;
  clearReset(): void;
  loadStaleSync(): Promise<void>;
}

export type AuditSlice = AuditState & AuditActions;

export const AUDIT_PAGE_SIZE = 50;

export const emptyAuditFilters: AuditFilters = { from: '', to: '', operator: '', action: '', target: '' };

export const initialAuditState: AuditState = {
  auditFilters: emptyAuditFilters,
  auditEntries: [],
  auditTotal: 0,
  auditOffset: 0,
  auditLoading: false,
  auditError: null,
  auditChain: null,
  auditVerifying: false,
  auditExported: null,
  auditExporting: false,
  resetUnsynced: null,
  resetBusy: false,
  resetError: null,
  resetDone: null,
  staleSync: null,
};
