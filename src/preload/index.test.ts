import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/ipc/contract.js';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload entry', () => {
  it('exposes the contract bridge as window.api', async () => {
    await import('./index.js');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, { channels: Record<string, (i: unknown) => unknown> }];
    expect(key).toBe('api');
    expect(Object.keys(api.channels).sort()).toEqual([...channelNames].sort());
    await api.channels['app:info']?.(undefined);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app:info', undefined);
  });
});
