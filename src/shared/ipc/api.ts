import type { Result } from '../result.js';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract.js';

/** One function per channel, generated from the contract keys (preload / WebSocket client). */
export type ChannelFunctions = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/**
 * The bridge the renderer sees (`window.api` in Electron, a WebSocket client in browser
 * mode). Event listeners never receive the transport's event object.
 */
export interface AppBridge {
  readonly channels: ChannelFunctions;
  /** Returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
