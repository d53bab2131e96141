import { describe, expect, it } from 'vitest';
import type { QueueItemView, SyncStatus } from '../../../../shared/domain/queue.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { formatAge, pauseAdvice, syncBadgeOf } from './selectors.js';

const status = (over: Partial<SyncStatus> = {}, counts: Partial<SyncStatus['counts']> = {}): SyncStatus => ({
  counts: { ready: 0, syncing: 0, retryWait: 0, quarantined: 0, doneToday: 0, elsewhere: 0, ...counts },
  pending: 0,
  oldestPendingAgeMs: null,
  lastSuccessfulSyncAt: null,
  connectivity: 'online',
  pausedReason: null,
  pausedMessage: null,
  running: true,
  ...over,
});

const item = (id: string, state: QueueItemView['state']): QueueItemView => ({
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
  photos: [{ sha256: 'a'.repeat(64), tags: ['photo_selfie'], fileName: 'a.jpg', confirmed: false }],
});

describe('sync slice', () => {
  it('mirrors main: the first status by request, later ones from queue:changed', async () => {
    const ipc = new FakeIpcClient({ 'queue:status': () => ok(status({ connectivity: 'unknown' })) });
    const store = createAppStore(ipc);
    const badge = () => syncBadgeOf(store.getState().syncStatus as SyncStatus);
    expect(store.getState().syncStatus).toBeNull();
    await store.getState().loadSyncStatus();
    expect(badge()).toEqual({ text: 'Checking — all sent', tone: 'ok' });
    ipc.emit('queue:changed', status({ connectivity: 'offline', pending: 3 }, { retryWait: 3 }));
    expect(store.getState().syncStatus?.pending).toBe(3);
    expect(badge()).toEqual({ text: 'Offline — 3 waiting', tone: 'warn' });
    ipc.emit('queue:changed', status({ pausedReason: 'auth', pausedMessage: 'code 9', pending: 2 }));
    expect(badge()).toEqual({ text: 'Sync paused — 2 waiting', tone: 'alert' });
    expect(pauseAdvice(store.getState().syncStatus as SyncStatus)).toMatch(/Sign in again/);
    ipc.emit('queue:changed', status({ pausedReason: 'certificate', pausedMessage: 'untrusted', pending: 2 }));
    expect(badge()).toEqual({ text: 'Sync paused — 2 waiting', tone: 'alert' });
    expect(pauseAdvice(store.getState().syncStatus as SyncStatus)).toMatch(/certificate is not trusted by this desk.*root CA/);
    ipc.emit('queue:changed', status({}, { quarantined: 1 }));
    expect(badge()).toEqual({ text: 'Online — all sent, 1 needs attention', tone: 'alert' });
  });

  it('lists items with the filter, and the newer filter wins over a slower answer', async () => {
    let release: () => void = () => undefined;
    const ipc = new FakeIpcClient({
      'queue:list': (q) =>
        q?.state === 'quarantined'
          ? ok([item('q1', 'quarantined')])
          : new Promise((resolve) => {
              release = () => resolve(ok([item('a1', 'ready'), item('q1', 'quarantined')]));
            }),
    });
    const store = createAppStore(ipc);
    const slow = store.getState().loadQueueItems();
    await store.getState().setQueueFilter('quarantined');
    release();
    await slow;
    expect(store.getState().queueItems.map((i) => i.id)).toEqual(['q1']);
    expect(ipc.calls.at(-1)).toEqual({ channel: 'queue:list', input: { state: 'quarantined', where: 'here', limit: 200, offset: 0 } });
  });

  it('retries with fixed tags and discards, then reloads the list; failures land in syncError', async () => {
    const items = [item('q1', 'quarantined'), item('q2', 'quarantined')];
    const ipc = new FakeIpcClient({
      'queue:list': () => ok([...items]),
      'queue:retry': ({ itemId }) => ok({ retried: itemId === 'q1' }),
      'queue:discard': ({ itemId }) => {
        items.splice(items.findIndex((i) => i.id === itemId), 1);
        return ok({ discarded: true });
      },
      'queue:syncNow': () => fail('NOT_SIGNED_IN', 'Sign in first.'),
      'queue:exportCsv': () => ok({ fileName: 'q.csv', csv: 'item_id\r\n' }),
    });
    const store = createAppStore(ipc);
    const tags = { ['a'.repeat(64)]: ['photo_selfie', 'orientation_portrait'] as const };
    expect(await store.getState().retryQueueItem('q1', tags)).toBe(true);
    expect(ipc.calls[0]).toEqual({ channel: 'queue:retry', input: { itemId: 'q1', tags } });
    expect(await store.getState().retryQueueItem('q9')).toBe(false);
    expect(await store.getState().discardQueueItem('q2')).toBe(true);
    expect(store.getState().queueItems.map((i) => i.id)).toEqual(['q1']);
    expect(store.getState().queueItemBusy).toBeNull();
    await store.getState().syncNow();
    expect(store.getState().syncError).toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(await store.getState().exportQueueCsv()).toEqual({ fileName: 'q.csv', csv: 'item_id\r\n' });
    expect(store.getState().syncError).toBeNull();
  });

  it('moves a stuck item to a collection of the server signed in now, and lists items made for other servers on request', async () => {
    const ipc = new FakeIpcClient({
      'queue:list': (q) => ok(q?.where === 'elsewhere' ? [item('away', 'ready')] : [item('q1', 'quarantined')]),
      'enroll:collections': () => ok([{ collectionId: 'c2', alias: 'branch-b' }]),
      'queue:retarget': ({ collectionId }) => (collectionId === 'c2' ? ok({ moved: true as const }) : fail('NOT_FOUND', 'That collection does not exist on the server.')),
    });
    const store = createAppStore(ipc);
    await store.getState().setQueueWhere('elsewhere');
    expect(store.getState().queueItems.map((i) => i.id)).toEqual(['away']);
    expect(ipc.calls.at(-1)).toEqual({ channel: 'queue:list', input: { where: 'elsewhere', limit: 200, offset: 0 } });
    await store.getState().loadMoveChoices();
    expect(store.getState().moveChoices).toEqual([{ collectionId: 'c2', alias: 'branch-b' }]);
    expect(await store.getState().retargetQueueItem('away', 'c2', true)).toBe(true);
    expect(ipc.calls).toContainEqual({ channel: 'queue:retarget', input: { itemId: 'away', collectionId: 'c2', toCurrentServer: true } });
    expect(await store.getState().retargetQueueItem('away', 'nope', true)).toBe(false);
    expect(store.getState().syncError).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says ages in words an operator reads at a glance', () => {
    expect(formatAge(20_000)).toBe('less than a minute');
    expect(formatAge(4 * 60_000)).toBe('4 min');
    expect(formatAge(125 * 60_000)).toBe('2 h 5 min');
    expect(formatAge(72 * 3_600_000)).toBe('3 days');
  });
});
