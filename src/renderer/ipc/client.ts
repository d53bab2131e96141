import type { AppBridge } from '../../shared/ipc/api.js';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract.js';
import type { Result } from '../../shared/result.js';
import { createWebSocketBridge, webSocketUrl } from './websocket-bridge.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    readonly api?: AppBridge;
  }
}

/** What the store and screens use to reach main (Electron) or the web host (browser mode). */
export interface IpcClient {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Where a dropped file is on disk: the desktop app only; null in browser mode (or for a file not on disk). */
  pathOfDropped(file: File): string | null;
}

export function createIpcClient(bridge: AppBridge): IpcClient {
  return {
    invoke: (channel, input) => bridge.channels[channel](input),
    on: (event, listener) => bridge.on(event, listener),
    pathOfDropped: (file) => {
      const found = bridge.pathOfDropped?.(file) ?? '';
      return found === '' ? null : found;
    },
  };
}

/**
 * The one place that touches `window.api`. In browser mode the host already exchanged the
 * one-time link token for a session cookie (and dropped it from the address), which admits
 * the WebSocket.
 */
export function connectIpc(): IpcClient {
  if (window.api) return createIpcClient(window.api);
  return createIpcClient(createWebSocketBridge({ url: webSocketUrl(window.location) }));
}
