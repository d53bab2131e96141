import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/ipc/contract.js';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile: vi.fn((file: File) => `/home/desk/${file.name}`) },
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

  it('tells the renderer where a dropped file is through webUtils, and nothing for what is not a File', async () => {
    await import('./index.js');
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as { pathOfDropped: (file: unknown) => string };
    expect(api.pathOfDropped(new File(['x'], 'Ada Lovelace'))).toBe('/home/desk/Ada Lovelace');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledTimes(1);
    expect(api.pathOfDropped({ name: 'forged', path: '/etc/passwd' })).toBe('');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledTimes(1);
  });
});
