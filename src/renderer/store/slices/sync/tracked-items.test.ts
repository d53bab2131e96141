import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueItemView } from '../../../../shared/domain/queue.js';
import { ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import type { TrackedItem } from './state.js';
import { followTracked } from './tracked-items.js';

const view = (id: string, state: QueueItemView['state'] = 'ready'): QueueItemView => ({
  id,
  kind: 'createPerson',
  state,
  collectionId: 'c1',
  personId: null,
  displayName: `Person ${id}`,
  photoCount: 1,
  confirmedPhotoCount: 0,
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  quarantineReason: null,
  quarantineCode: null,
  scope: null,
  createdAt: 1,
  doneAt: null,
  photos: [],
});

type Op =
  | { readonly kind: 'save' }
  | { readonly kind: 'startLoad'; readonly truncateTo: number | null }
  | { readonly kind: 'answer'; readonly pick: number }
  | { readonly kind: 'arrive'; readonly pick: number }
  | { readonly kind: 'quarantine'; readonly pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'save' as const }),
  fc.record({ kind: fc.constant('startLoad' as const), truncateTo: fc.option(fc.nat(3), { nil: null }) }),
  fc.record({ kind: fc.constant('answer' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('arrive' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('quarantine' as const), pick: fc.nat() }),
);

describe('following a saved enrollment until it arrives', () => {
  it('never says an item arrived while main still holds it, never takes it back, and answers out of order change nothing they should not', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        // Main's truth: unsent items in queue order; a load answers with the list as it was when it started.
        let unsent: QueueItemView[] = [];
        let tracked: Readonly<Record<string, TrackedItem>> = {};
        let loads = 0;
        let saved = 0;
        const inFlight: { load: number; list: QueueItemView[]; limit: number }[] = [];
        const arrived = new Set<string>();
        for (const o of ops) {
          const before = tracked;
          if (o.kind === 'save') {
            const id = `i${(saved += 1)}`;
            unsent = [...unsent, view(id)];
            tracked = { ...tracked, [id]: { sinceLoad: loads + 1, state: 'waiting' } };
          } else if (o.kind === 'startLoad') {
            loads += 1;
            const limit = o.truncateTo === null ? 500 : Math.max(1, o.truncateTo);
            inFlight.push({ load: loads, list: unsent.slice(0, limit), limit });
          } else if (o.kind === 'answer' && inFlight.length > 0) {
            const [answer] = inFlight.splice(o.pick % inFlight.length, 1);
            if (answer) tracked = followTracked(tracked, answer.load, answer.list, answer.limit);
          } else if ((o.kind === 'arrive' || o.kind === 'quarantine') && unsent.length > 0) {
            const target = unsent[o.pick % unsent.length] as QueueItemView;
            if (o.kind === 'arrive') {
              unsent = unsent.filter((i) => i.id !== target.id);
              arrived.add(target.id);
            } else unsent = unsent.map((i) => (i.id === target.id ? view(i.id, 'quarantined') : i));
          }
          for (const [id, item] of Object.entries(tracked)) {
            if (item.state === 'arrived') expect(arrived.has(id), `${id} said to have arrived`).toBe(true);
            if (before[id]?.state === 'arrived') expect(item.state).toBe('arrived');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the store follows an item saved from the form: waiting, then arrived once main no longer lists it', async () => {
    let listed = [view('i1')];
    const ipc = new FakeIpcClient({ 'queue:list': () => ok(listed) });
    const store = createAppStore(ipc);
    await store.getState().trackItem('i1');
    expect(store.getState().trackedItems['i1']?.state).toBe('waiting');
    expect(ipc.calls.find((c) => c.channel === 'queue:list')?.input).toMatchObject({ unsent: true });
    listed = [view('i1', 'quarantined')];
    await store.getState().loadUnsent();
    expect(store.getState().trackedItems['i1']?.state).toBe('attention');
    listed = [];
    await store.getState().loadUnsent();
    expect(store.getState().trackedItems['i1']?.state).toBe('arrived');
    expect(store.getState().unsentItems).toEqual([]);
  });
});
