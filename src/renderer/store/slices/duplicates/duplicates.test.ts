import { describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectChecksToCleanUp } from './selectors.js';

describe('duplicates slice', () => {
  it('loads the count of checks to clean up and follows main’s events', async () => {
    const ipc = new FakeIpcClient({ 'duplicates:cleanupStatus': () => ok({ pending: 2 }) });
    const store = createAppStore(ipc);
    expect(selectChecksToCleanUp(store.getState())).toBe(0);
    await store.getState().loadCleanupStatus();
    expect(selectChecksToCleanUp(store.getState())).toBe(2);
    ipc.emit('duplicates:changed', { pending: 0 });
    expect(store.getState().checksToCleanUp).toBe(0);
  });
});
