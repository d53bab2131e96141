import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/ipc/contract.js';
import { buildBridge, type IpcRendererLike } from './bridge.js';

function fakeIpc() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return { ipc, invoke, emitter };
}

describe('preload bridge', () => {
  it('exposes exactly one function per contract channel', () => {
    const bridge = buildBridge(fakeIpc().ipc);
    expect(Object.keys(bridge.channels).sort()).toEqual([...channelNames].sort());
    for (const fn of Object.values(bridge.channels)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(bridge.channels)).toBe(true);
  });

  it('invokes the channel with the input and returns the result', async () => {
    const { ipc, invoke } = fakeIpc();
    const bridge = buildBridge(ipc);
    const result = await bridge.channels['session:signOut']({ forgetPassword: true });
    expect(invoke).toHaveBeenCalledWith('session:signOut', { forgetPassword: true });
    expect(result).toEqual({ ok: true, value: { channel: 'session:signOut', input: { forgetPassword: true } } });
  });

  it('passes listeners only the payload, never the IPC event', () => {
    const { ipc, emitter } = fakeIpc();
    const bridge = buildBridge(ipc);
    const listener = vi.fn();
    const unsubscribe = bridge.on('session:changed', listener);
    const ipcEvent = { sender: { send: vi.fn() }, ports: [] };
    const payload = { state: 'signedOut', rememberedEmail: null, serverUrl: null };
    emitter.emit('session:changed', ipcEvent, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    unsubscribe();
    emitter.emit('session:changed', ipcEvent, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount('session:changed')).toBe(0);
  });

  it('refuses to subscribe to channels that are not contract events', () => {
    const bridge = buildBridge(fakeIpc().ipc);
    expect(() => bridge.on('ELECTRON_BROWSER_WINDOW_ALERT' as 'session:changed', vi.fn())).toThrow(/Unknown event/);
  });
});
