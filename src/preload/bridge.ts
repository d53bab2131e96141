import type { AppBridge, ChannelFunctions } from '../shared/ipc/api.js';
import { channelNames, isEventName, type Channel, type EventName, type EventPayload } from '../shared/ipc/contract.js';

/** The slice of ipcRenderer the bridge needs; the transport event is whatever comes first. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.api`, generated from the contract's keys: one function per channel, and `on`
 * whose listeners receive only the payload, never the IpcRendererEvent (it carries
 * `sender`, a way back into ipcRenderer).
 */
export function buildBridge(ipc: IpcRendererLike, pathOfFile?: (file: File) => string): AppBridge {
  const entries = channelNames.map((channel: Channel) => [channel, (input: unknown) => ipc.invoke(channel, input)] as const);
  const channelFunctions = Object.freeze(Object.fromEntries(entries)) as unknown as ChannelFunctions;
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const forward = (_event: unknown, payload: unknown): void => listener(payload as EventPayload<E>);
    ipc.on(event, forward);
    return () => {
      ipc.removeListener(event, forward);
    };
  };
  if (pathOfFile === undefined) return Object.freeze({ channels: channelFunctions, on });
  // Only a real File reaches webUtils (anything else from the page gets ""), and only a string comes back.
  const pathOfDropped = (file: File): string => (file instanceof File ? String(pathOfFile(file)) : '');
  return Object.freeze({ channels: channelFunctions, on, pathOfDropped });
}
