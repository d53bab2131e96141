import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonSummary } from '../../../../shared/domain/persons.js';
import { ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { personAt } from './selectors.js';
import { PERSONS_PAGE_SIZE } from './state.js';

const person = (i: number): PersonSummary => ({ personId: `p${i}`, collectionId: 'c1', name: { first: `F${i}`, middle: '', last: 'L' }, photoCount: 1, timeCreated: 1 });
const fresh = { asOf: 1, offline: false, offlineReason: null };

// A server that sends no total (allowed by Oz's docs): pages only.
function untotalledIpc(size: number) {
  return new FakeIpcClient({
    'persons:list': ({ offset, limit }) =>
      ok({ offset, total: null, items: Array.from({ length: Math.max(0, Math.min(limit, size - offset)) }, (_, k) => person(offset + k)), ...fresh }),
  });
}

function pagedIpc(total: number) {
  return new FakeIpcClient({
    'persons:list': ({ offset, limit }) =>
      ok({ offset, total, items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => person(offset + k)), ...fresh }),
    'persons:thumbnails': ({ personIds }) => ok(Object.fromEntries(personIds.map((id) => [id, `data:image/jpeg;base64,${id}`]))),
    'persons:search': ({ text }) => ok({ items: [person(7)], indexed: text === 'f7' ? 100 : 50, complete: false }),
  });
}

describe('persons slice', () => {
  it('loads pages on demand, each once, and finds rows by position', async () => {
    const ipc = pagedIpc(50_000);
    const store = createAppStore(ipc);
    await store.getState().openPersons('c1');
    expect(store.getState().personsTotal).toBe(50_000);
    await Promise.all([store.getState().ensurePersonsPage(300), store.getState().ensurePersonsPage(300)]);
    expect(ipc.calls.filter((c) => c.channel === 'persons:list').map((c) => (c.input as { offset: number }).offset)).toEqual([0, 300 * PERSONS_PAGE_SIZE]);
    expect(personAt(store.getState().personPages, 30_005)?.personId).toBe('p30005');
    expect(personAt(store.getState().personPages, 150)).toBeUndefined();
  });

  it('asks main for each thumbnail once', async () => {
    const ipc = pagedIpc(10);
    const store = createAppStore(ipc);
    await store.getState().openPersons('c1');
    await store.getState().requestThumbnails(['p1', 'p2']);
    await store.getState().requestThumbnails(['p2', 'p3']);
    expect(ipc.calls.filter((c) => c.channel === 'persons:thumbnails').map((c) => c.input)).toEqual([
      { collectionId: 'c1', personIds: ['p1', 'p2'] },
      { collectionId: 'c1', personIds: ['p3'] },
    ]);
    expect(store.getState().thumbnails['p3']).toBe('data:image/jpeg;base64,p3');
  });

  it('searches, and searches again when main reports more of the index', async () => {
    const ipc = pagedIpc(10);
    const store = createAppStore(ipc);
    await store.getState().openPersons('c1');
    await store.getState().searchPersons('f7');
    expect(store.getState().personsSearch).toMatchObject({ text: 'f7', items: [{ personId: 'p7' }], complete: false });
    ipc.emit('persons:indexProgress', { collectionId: 'c1', indexed: 100, total: 200, complete: false });
    ipc.emit('persons:indexProgress', { collectionId: 'other', indexed: 1, total: 1, complete: true });
    expect(store.getState().indexProgress).toMatchObject({ collectionId: 'c1', indexed: 100 });
    expect(ipc.calls.filter((c) => c.channel === 'persons:search')).toHaveLength(2);
    await store.getState().searchPersons('  ');
    expect(store.getState().personsSearch).toBeNull();
  });

  it('without a total from the server, scrolling to the last row reaches every person and ends at the right count', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 * PERSONS_PAGE_SIZE }), fc.array(fc.nat(), { maxLength: 4 }), async (size, jumps) => {
        const store = createAppStore(untotalledIpc(size));
        await store.getState().openPersons('c1');
        // Some scrolls to rows already counted, then to the last row until the count stops growing.
        for (const jump of jumps) await store.getState().ensurePersonsPage(Math.floor((jump % Math.max(1, store.getState().personsTotal ?? 1)) / PERSONS_PAGE_SIZE));
        for (let guard = 0; guard < 10; guard += 1) await store.getState().ensurePersonsPage(Math.floor(Math.max(0, (store.getState().personsTotal ?? 0) - 1) / PERSONS_PAGE_SIZE));
        expect(store.getState().personsTotal).toBe(size);
        if (size > 0) expect(personAt(store.getState().personPages, size - 1)?.personId).toBe(`p${size - 1}`);
      }),
      { numRuns: 60 },
    );
  });
});
