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
  /**
   * The desktop app only: where a dropped file or folder is on disk ("" when it is not a
   * file of the disk). Browser mode has no paths; main checks every path it is sent.
   */
  readonly pathOfDropped?: (file: File) => string;
}
