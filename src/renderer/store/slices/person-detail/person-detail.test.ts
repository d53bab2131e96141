import { describe, expect, it } from 'vitest';
import type { PersonDetail, PhotoUploadInput } from '../../../../shared/domain/persons.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { uploadBatches } from './upload-batches.js';

const detail: PersonDetail = {
  person: { personId: 'p1', collectionId: 'c1', name: { first: 'Ada', middle: '', last: 'L' }, photoCount: 1, timeCreated: 1 },
  photos: [],
  asOf: 1,
  offline: false,
  offlineReason: null,
};
const photo = (i: number, size = 10): PhotoUploadInput => ({ fileName: `f${i}.jpg`, base64: 'A'.repeat(size), tags: ['photo_selfie'] });
const analysis = { analysisId: 'a1', folderId: 'f1', folderCreated: 1, confidence: 0.97 };

describe('person-detail slice', () => {
  it('splits uploads into requests of at most ten photos and about 20 MB', () => {
    expect(uploadBatches(Array.from({ length: 23 }, (_, i) => photo(i))).map((b) => b.length)).toEqual([10, 10, 3]);
    const big = 8 * 1024 * 1024;
    expect(uploadBatches([photo(1, big), photo(2, big), photo(3, big)]).map((b) => b.length)).toEqual([2, 1]);
  });

  it('enrolls the form through the enrollment path with consent, and says a queued person is saved on the desk', async () => {
    const ipc = new FakeIpcClient({
      'enroll:consentTerms': () => ok({ version: 'v2', text: 'Agreed.' }),
      'enroll:enrollPerson': ({ name }) =>
        ok({ key: 'e1', name, status: 'queued' as const, enrollmentId: 'e1', personId: null, itemId: 'i1', photos: [], message: null }),
    });
    const store = createAppStore(ipc);
    await store.getState().loadCreateConsent();
    const created = await store.getState().createPerson('c1', detail.person.name, Array.from({ length: 12 }, (_, i) => photo(i)), true);
    expect(created).toEqual({ status: 'queued' });
    const call = ipc.calls.find((c) => c.channel === 'enroll:enrollPerson');
    expect(call?.input).toMatchObject({ collectionId: 'c1', source: 'form', consent: { confirmed: true, textVersion: 'v2' } });
    expect((call?.input as { photos: unknown[] }).photos).toHaveLength(12);
    expect((call?.input as { photos: unknown[] }).photos[0]).toEqual({ dataBase64: 'A'.repeat(10), fileName: 'f0.jpg', tags: ['photo_selfie'] });
    // The notice follows the queue item (its wording is the persons screen's, live from main).
    expect(store.getState().createNotice).toEqual({ itemId: 'i1', name: expect.stringMatching(/^Ada L/) });
    store.getState().dismissCreateNotice();
    expect(store.getState().createNotice).toBeNull();
  });

  it('keeps the refusal (e.g. consent not confirmed) as the form error', async () => {
    const ipc = new FakeIpcClient({
      'enroll:consentTerms': () => ok({ version: 'v2', text: 'Agreed.' }),
      'enroll:enrollPerson': () => fail('BAD_INPUT', 'Confirm consent.', { field: 'consent' }),
    });
    const store = createAppStore(ipc);
    await store.getState().loadCreateConsent();
    expect(await store.getState().createPerson('c1', detail.person.name, [photo(1)], false)).toBeNull();
    expect(store.getState()).toMatchObject({ createBusy: false, createError: { code: 'BAD_INPUT' }, createNotice: null });
  });

  it('shows the analyses that block a deletion, then deletes on confirmation', async () => {
    const ipc = new FakeIpcClient({
      'persons:get': () => ok(detail),
      'persons:delete': ({ confirmDeleteAnalyses }) =>
        ok(confirmDeleteAnalyses ? { status: 'deleted' as const, deletedAnalyses: [analysis] } : { status: 'blocked' as const, analyses: [analysis] }),
      'persons:list': () => ok({ offset: 0, items: [], total: 0, asOf: 1, offline: false, offlineReason: null }),
    });
    const store = createAppStore(ipc);
    await store.getState().openPerson('c1', 'p1');
    expect(await store.getState().deletePerson(false)).toBe('blocked');
    expect(store.getState().blockingAnalyses).toEqual([analysis]);
    expect(await store.getState().deletePerson(true)).toBe('deleted');
    expect(store.getState().detail).toBeNull();
    expect(store.getState().blockingAnalyses).toBeNull();
  });

  it('keeps the error of a refused photo deletion and reloads the person', async () => {
    const ipc = new FakeIpcClient({
      'persons:get': () => ok(detail),
      'photos:delete': () => fail('OZ_API', 'gone', { errorCode: 10 }),
    });
    const store = createAppStore(ipc);
    await store.getState().openPerson('c1', 'p1');
    expect(await store.getState().deletePhoto('i1')).toBe(false);
    expect(store.getState().detailError?.code).toBe('OZ_API');
    expect(ipc.calls.filter((c) => c.channel === 'persons:get')).toHaveLength(2);
  });
});
