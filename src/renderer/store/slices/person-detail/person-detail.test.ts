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

  it('creates a person with the first ten photos and adds the rest', async () => {
    const ipc = new FakeIpcClient({
      'persons:create': () => ok(detail.person),
      'photos:add': ({ photos }) => ok({ added: photos.length }),
      'persons:list': () => ok({ offset: 0, items: [], total: 0, asOf: 1, offline: false, offlineReason: null }),
    });
    const store = createAppStore(ipc);
    const created = await store.getState().createPerson('c1', detail.person.name, Array.from({ length: 12 }, (_, i) => photo(i)));
    expect(created).toEqual({ personId: 'p1', complete: true });
    expect(ipc.calls.filter((c) => c.channel === 'photos:add').map((c) => (c.input as { photos: unknown[] }).photos.length)).toEqual([2]);
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
