import type { StateCreator } from 'zustand';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { toAuditQuery, toAuditRange } from './filters.js';
import { AUDIT_PAGE_SIZE, emptyAuditFilters, initialAuditState, type AuditSlice } from './state.js';

function unsyncedOf(details: unknown): number | null {
  const n = (details as { unsynced?: unknown } | undefined)?.unsynced;
  return typeof n === 'number' ? n : null;
}

export function createAuditSlice(ipc: IpcClient): StateCreator<AppState, [], [], AuditSlice> {
  return (set, get) => ({
    ...initialAuditState,

    setAuditFilters: (patch) => set({ auditFilters: { ...get().auditFilters, ...patch } }),
    clearAuditFilters: () => set({ auditFilters: emptyAuditFilters }),

    async loadAudit(offset = 0) {
      set({ auditLoading: true, auditError: null });
      const result = await ipc.invoke('audit:query', toAuditQuery(get().auditFilters, offset, AUDIT_PAGE_SIZE));
      set(
        result.ok
          ? { auditLoading: false, auditEntries: result.value.entries, auditTotal: result.value.total, auditOffset: offset }
          : { auditLoading: false, auditError: result.error },
      );
    },

    async verifyAudit() {
      set({ auditVerifying: true, auditError: null });
      const result = await ipc.invoke('audit:verify', undefined);
      set(result.ok ? { auditVerifying: false, auditChain: result.value } : { auditVerifying: false, auditError: result.error });
    },

    async exportAudit(format) {
      set({ auditExporting: true, auditExported: null, auditError: null });
      const result = await ipc.invoke('audit:export', { format, ...toAuditRange(get().auditFilters) });
      set(result.ok ? { auditExporting: false, auditExported: result.value } : { auditExporting: false, auditError: result.error });
    },

    async loadResetUnsynced() {
      const result = await ipc.invoke('desk:unsynced', undefined);
      set(result.ok ? { resetUnsynced: result.value.unsynced } : { resetError: result.error });
    },

    async resetDesk(confirmUnsynced) {
      set({ resetBusy: true, resetError: null });
      const result = await ipc.invoke('desk:reset', confirmUnsynced === undefined ? {} : { confirmUnsynced });
      if (result.ok) {
        set({ resetBusy: false, resetDone: result.value, resetUnsynced: 0 });
        return true;
      }
      // The count changed since the operator confirmed: show the new one and ask again.
      const unsynced = result.error.code === 'CONFLICT' ? unsyncedOf(result.error.details) : null;
      set({ resetBusy: false, resetError: result.error, ...(unsynced === null ? {} : { resetUnsynced: unsynced }) });
      return false;
    },

    clearReset: () => set({ resetError: null, resetDone: null, resetUnsynced: null, resetBusy: false }),

    async loadStaleSync() {
      const result = await ipc.invoke('desk:staleSync', undefined);
      if (result.ok) set({ staleSync: result.value });
    },
  });
}
