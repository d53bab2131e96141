import { describe, expect, it } from 'vitest';
import type { ScanReportView, ScanResult } from '../../../../shared/domain/enroll.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectCanConfirm, selectCanScan, selectEnrollablePersons, selectMissingDuplicateNotes } from './selectors.js';

const scanId = '0b5a4f0e-8d1c-4b7e-9a51-0c6f3f1d2e11';
const photo = (fileName: string, status: 'accepted' | 'refused') => ({ path: `/in/${fileName}`, fileName, status, tags: [] });
const report: ScanReportView = {
  root: '/in',
  layout: 'folders',
  persons: [
    { key: 'Anna Smith', name: { first: 'Anna', middle: '', last: 'Smith' }, photos: [photo('a.jpg', 'accepted')] },
    { key: 'Bob Jones', name: { first: 'Bob', middle: '', last: 'Jones' }, photos: [photo('b.jpg', 'accepted')] },
    { key: 'Cy Bad', name: { first: 'Cy', middle: '', last: 'Bad' }, photos: [photo('c.jpg', 'refused')] },
  ],
  refused: [],
  problems: [],
  counts: { persons: 3, photosAccepted: 2, photosRefused: 1, duplicates: 0, flagged: 0 },
  cancelled: false,
};
const finished: ScanResult = { scanId, collectionId: 'col-1', state: 'finished', report, error: null };

function setup(scanResult: ScanResult = { ...finished, state: 'running', report: null }) {
  const ipc = new FakeIpcClient({
    'enroll:consentTerms': () => ok({ version: '2026-01', text: 'Agreed.' }),
    'collections:list': () => fail('UNKNOWN_CHANNEL', 'not here'),
    'enroll:collections': () => ok([{ collectionId: 'col-1', alias: 'watchlist' }]),
    'enroll:scanFolder': () => ok({ scanId }),
    'enroll:scanResult': () => ok(scanResult),
    'enroll:confirmImport': (input) =>
      ok({
        scanId,
        collectionId: 'col-1',
        counts: { enrolled: 1, queued: 0, failed: 0, skipped: 0, photos: 1 },
        results: input.excluded?.includes('Anna Smith')
          ? [{ key: 'Bob Jones', name: { first: 'Bob', middle: '', last: 'Jones' }, status: 'enrolled' as const, enrollmentId: 'e1', personId: 'p1', itemId: null, photos: [], message: null }]
          : [],
      }),
  });
  return { ipc, store: createAppStore(ipc) };
}

describe('enroll slice', () => {
  it('falls back to its own collection list and preselects the first collection', async () => {
    const { store } = setup();
    await store.getState().loadEnrollSetup();
    expect(store.getState()).toMatchObject({ enrollCollectionId: 'col-1', consentTerms: { version: '2026-01' }, enrollCollections: [{ alias: 'watchlist' }] });
  });

  it('follows a dry run through its events, then enrolls only ticked persons with consent', async () => {
    const { ipc, store } = setup();
    await store.getState().loadEnrollSetup();
    expect(selectCanScan(store.getState())).toBe(false);
    store.getState().setFolderPath('/in');
    expect(selectCanScan(store.getState())).toBe(true);
    await store.getState().startScan();
    expect(store.getState().scanPhase).toBe('scanning');
    ipc.emit('import:progress', { scanId, phase: 'processing', done: 2, total: 3 });
    ipc.emit('import:progress', { scanId: 'another', phase: 'processing', done: 9, total: 9 });
    expect(store.getState().scanProgress).toMatchObject({ done: 2, total: 3 });
    ipc.emit('import:finished', finished);
    expect(store.getState()).toMatchObject({ scanPhase: 'finished', report: { counts: { persons: 3 } } });
    expect(selectEnrollablePersons(store.getState())).toBe(2);

    store.getState().togglePerson('Anna Smith');
    expect(selectEnrollablePersons(store.getState())).toBe(1);
    expect(selectCanConfirm(store.getState())).toBe(false);
    store.getState().setImportConsent(true);
    expect(selectCanConfirm(store.getState())).toBe(true);
    await store.getState().confirmImport();
    expect(ipc.calls.find((c) => c.channel === 'enroll:confirmImport')?.input).toEqual({
      scanId,
      excluded: ['Anna Smith'],
      qualityOverrides: {},
      keepLargestFace: [],
      duplicateChoices: {},
      consent: { confirmed: true, textVersion: '2026-01' },
    });
    expect(store.getState().importResults.map((r) => r.key)).toEqual(['Bob Jones']);
    expect(selectCanConfirm(store.getState())).toBe(false);
  });

  it('holds a possible duplicate back until the operator chooses; "new person" needs a note', async () => {
    const candidate = { personId: 'ann-1', name: { first: 'Ann', middle: '', last: 'Lee' }, score: 0.97, via: 'collection_analysis' as const, fileName: 'b.jpg' };
    const flagged: ScanReportView = {
      ...report,
      persons: report.persons.map((p) => (p.key === 'Bob Jones' ? { ...p, possibleDuplicates: [candidate] } : p)),
    };
    const { ipc, store } = setup();
    await store.getState().loadEnrollSetup();
    store.getState().setFolderPath('/in');
    await store.getState().startScan();
    ipc.emit('import:finished', { ...finished, report: flagged });
    store.getState().setImportConsent(true);
    expect(selectEnrollablePersons(store.getState())).toBe(1);
    store.getState().chooseDuplicate('Bob Jones', { action: 'new', note: ' ' });
    expect(selectEnrollablePersons(store.getState())).toBe(1);
    expect(selectMissingDuplicateNotes(store.getState())).toBe(1);
    expect(selectCanConfirm(store.getState())).toBe(false);
    store.getState().chooseDuplicate('Bob Jones', { action: 'new', note: ' twins, ID checked ' });
    expect(selectEnrollablePersons(store.getState())).toBe(2);
    store.getState().chooseDuplicate('Bob Jones', { action: 'skip' });
    expect(selectEnrollablePersons(store.getState())).toBe(1);
    store.getState().chooseDuplicate('Bob Jones', { action: 'add', personId: 'ann-1' });
    expect(selectEnrollablePersons(store.getState())).toBe(2);
    store.getState().chooseDuplicate('Cy Bad', { action: 'new', note: ' twins ' });
    await store.getState().confirmImport();
    expect(ipc.calls.find((c) => c.channel === 'enroll:confirmImport')?.input).toMatchObject({
      duplicateChoices: { 'Bob Jones': { action: 'add', personId: 'ann-1' }, 'Cy Bad': { action: 'new', note: 'twins' } },
    });
  });

  it('picks up a dry run that finished before its id came back', async () => {
    const { store } = setup(finished);
    store.getState().setEnrollCollection('col-1');
    store.getState().setFolderPath('/in');
    await store.getState().startScan();
    expect(store.getState().scanPhase).toBe('finished');
  });
});
