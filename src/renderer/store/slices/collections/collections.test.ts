import { describe, expect, it } from 'vitest';
import type { CollectionSummary, DeletionJobView } from '../../../../shared/domain/collections.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectOffline } from './selectors.js';

const demo: CollectionSummary = { collectionId: 'c1', alias: 'demo', companyId: 'k1', companyName: 'Demo Bank', timeCreated: 1, personsCount: 3 };
const job = (phase: DeletionJobView['phase'], done: number): DeletionJobView => ({
  jobId: 'j1',
  collectionId: 'c1',
  alias: 'demo',
  phase,
  done,
  total: 3,
  deletedAnalyses: 0,
  lastError: null,
  running: phase !== 'done',
});

describe('collections slice', () => {
  it('loads the list with its freshness and marks offline data', async () => {
    const store = createAppStore(
      new FakeIpcClient({ 'collections:list': () => ok({ collections: [demo], asOf: 5, offline: true, offlineReason: 'connection refused' }) }),
    );
    await store.getState().loadCollections();
    expect(store.getState().collections).toEqual([demo]);
    expect(store.getState().collectionsFreshness).toEqual({ asOf: 5, offline: true, offlineReason: 'connection refused' });
    expect(selectOffline(store.getState())).toBe(true);
  });

  it('shows only the answer to the latest company search', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    const ipc = new FakeIpcClient({
      'companies:search': ({ text }) => (text === 'd' ? slow.then(() => ok([{ companyId: 'x', name: 'Old' }])) : ok([{ companyId: 'k1', name: 'Demo Bank' }])),
    });
    const store = createAppStore(ipc);
    const first = store.getState().searchCompanies('d');
    await store.getState().searchCompanies('demo');
    release();
    await first;
    expect(store.getState().companyResults).toEqual([{ companyId: 'k1', name: 'Demo Bank' }]);
  });

  it('creates a collection and keeps the server refusal when it fails', async () => {
    let refuse = true;
    const ipc = new FakeIpcClient({
      'collections:create': () => (refuse ? fail('OZ_API', 'bad', { errorCode: 4 }) : ok(demo)),
      'collections:list': () => ok({ collections: [demo], asOf: 1, offline: false, offlineReason: null }),
    });
    const store = createAppStore(ipc);
    const company = { companyId: 'k1', name: 'Demo Bank' };
    expect(await store.getState().createCollection('demo', company)).toBe(false);
    expect(store.getState().createCollectionError?.code).toBe('OZ_API');
    refuse = false;
    expect(await store.getState().createCollection('demo', company)).toBe(true);
    expect(store.getState()).toMatchObject({ createCollectionError: null, rememberedCompany: company });
    expect(ipc.calls.find((c) => c.channel === 'collections:create')?.input).toEqual({ alias: 'demo', company });
  });

  it('mirrors deletion progress events and drops the collection when the job is done', async () => {
    const ipc = new FakeIpcClient({
      'collections:list': () => ok({ collections: [demo], asOf: 1, offline: false, offlineReason: null }),
      'collections:delete': () => ok(job('listing', 0)),
    });
    const store = createAppStore(ipc);
    await store.getState().loadCollections();
    expect(await store.getState().startDeletion('c1', 'demo')).toBe(true);
    ipc.emit('collections:deletionProgress', job('deleting-persons', 2));
    expect(store.getState().deletionJobs['j1']).toMatchObject({ phase: 'deleting-persons', done: 2 });
    expect(store.getState().collections).toHaveLength(1);
    ipc.emit('collections:deletionProgress', job('done', 3));
    expect(store.getState().collections).toEqual([]);
  });
});
