import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/domain/audit.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { toAuditQuery } from './filters.js';
import { selectAuditHasNext, selectAuditHasPrevious, selectAuditPageLabel } from './selectors.js';

const entry = (seq: number): AuditEntry => ({
  seq,
  at: Date.UTC(2026, 0, 1) + seq,
  desk: 'desk-1',
  operator: 'op@bank.example',
  action: 'personCreated',
  collectionId: 'c1',
  personId: `p${seq}`,
  enrollmentId: null,
  photoId: null,
  analysisId: null,
  queueItemId: null,
  outcome: 'done',
  errorCode: null,
  counts: null,
  note: null,
  checkpoint: null,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

describe('audit slice', () => {
  it('turns the filter form into a query: local days, "to" inclusive, blanks left out', () => {
    const q = toAuditQuery({ from: '2026-03-02', to: '2026-03-02', operator: ' op@bank.example ', action: 'signIn', target: '' }, 50, 50);
    expect(q).toEqual({
      from: new Date(2026, 2, 2).getTime(),
      to: new Date(2026, 2, 3).getTime() - 1,
      operator: 'op@bank.example',
      action: 'signIn',
      limit: 50,
      offset: 50,
    });
    expect(toAuditQuery({ from: 'garbage', to: '', operator: '', action: '', target: 'p-1' }, 0, 10)).toEqual({ target: 'p-1', limit: 10, offset: 0 });
  });

  it('loads a page with the filters and pages through it', async () => {
    const ipc = new FakeIpcClient({ 'audit:query': (q) => ok({ entries: [entry(120 - (q.offset ?? 0))], total: 120 }) });
    const store = createAppStore(ipc);
    store.getState().setAuditFilters({ action: 'personCreated' });
    await store.getState().loadAudit();
    expect(ipc.calls[0]).toEqual({ channel: 'audit:query', input: { action: 'personCreated', limit: 50, offset: 0 } });
    expect(selectAuditPageLabel(store.getState())).toBe('Entries 1–1 of 120');
    expect(selectAuditHasPrevious(store.getState())).toBe(false);
    expect(selectAuditHasNext(store.getState())).toBe(true);
    await store.getState().loadAudit(100);
    expect(store.getState().auditEntries[0]?.seq).toBe(20);
    expect(selectAuditHasNext(store.getState())).toBe(false);
    store.getState().clearAuditFilters();
    expect(store.getState().auditFilters.action).toBe('');
  });

  it('keeps the chain verdict and the export path, and the error when a call fails', async () => {
    const ipc = new FakeIpcClient({
      'audit:verify': () => ok({ ok: false, firstBroken: 7, reason: 'entry #7 was changed' }),
      'audit:export': () => ok({ path: '/data/exports/audit-1.csv', entries: 3 }),
      'audit:query': () => fail('INTERNAL', 'disk full'),
    });
    const store = createAppStore(ipc);
    await store.getState().verifyAudit();
    expect(store.getState().auditChain).toEqual({ ok: false, firstBroken: 7, reason: 'entry #7 was changed' });
    store.getState().setAuditFilters({ from: '2026-01-01' });
    await store.getState().exportAudit('csv');
    expect(ipc.calls.at(-1)).toEqual({ channel: 'audit:export', input: { format: 'csv', from: new Date(2026, 0, 1).getTime() } });
    expect(store.getState().auditExported?.path).toBe('/data/exports/audit-1.csv');
    await store.getState().loadAudit();
    expect(store.getState().auditError?.message).toBe('disk full');
  });

  it('desk reset: a refusal updates the unsynced count to confirm; success is kept', async () => {
    let unsynced = 2;
    const ipc = new FakeIpcClient({
      'desk:unsynced': () => ok({ unsynced }),
      'desk:reset': (input) =>
        input.confirmUnsynced === unsynced || unsynced === 0
          ? ok({ queueItems: unsynced, unsyncedDiscarded: unsynced, cacheRows: 4, secretsRemoved: 3, stagedPhotos: 0 })
          : fail('CONFLICT', `${unsynced} enrollments have not reached the server.`, { unsynced }),
    });
    const store = createAppStore(ipc);
    await store.getState().loadResetUnsynced();
    expect(store.getState().resetUnsynced).toBe(2);
    unsynced = 3;
    expect(await store.getState().resetDesk(2)).toBe(false);
    expect(store.getState().resetUnsynced).toBe(3);
    expect(store.getState().resetError?.code).toBe('CONFLICT');
    expect(await store.getState().resetDesk(3)).toBe(true);
    expect(store.getState().resetDone).toMatchObject({ unsyncedDiscarded: 3 });
    store.getState().clearReset();
    expect(store.getState().resetDone).toBeNull();
  });

  it('loads the stale-sync verdict', async () => {
    const store = createAppStore(new FakeIpcClient({ 'desk:staleSync': () => ok({ level: 'warn' as const, message: 'old items' }) }));
    await store.getState().loadStaleSync();
    expect(store.getState().staleSync).toEqual({ level: 'warn', message: 'old items' });
  });
});
