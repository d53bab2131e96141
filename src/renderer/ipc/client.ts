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
}

export function createIpcClient(bridge: AppBridge): IpcClient {
  return {
    invoke: (channel, input) => bridge.channels[channel](input),
    on: (event, listener) => bridge.on(event, listener),
  };
}

/**
 * The one place that touches `window.api`. In browser mode the token is read from the
 * address once, then dropped from the address bar: the host's cookie covers reloads.
 */
export function connectIpc(): IpcClient {
  if (window.api) return createIpcClient(window.api);
  const url = webSocketUrl(window.location);
  const address = new URL(window.location.href);
  if (address.searchParams.has('token')) {
    address.searchParams.delete('token');
    window.history.replaceState(null, '', address.pathname + address.search + address.hash);
  }
  return createIpcClient(createWebSocketBridge({ url }));
}
