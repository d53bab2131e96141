import { describe, expect, it } from 'vitest';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectArea } from './selectors.js';

describe('navigation slice', () => {
  it('starts on collections and moves between work areas', () => {
    const store = createAppStore(new FakeIpcClient({}));
    expect(selectArea(store.getState())).toBe('collections');
    store.getState().navigate('sync');
    expect(selectArea(store.getState())).toBe('sync');
  });
});
