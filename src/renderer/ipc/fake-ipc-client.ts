import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract.js';
import { fail, type Result } from '../../shared/result.js';
import type { IpcClient } from './client.js';

type Answer<C extends Channel> = Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;
type Responders = { [C in Channel]?: (input: ChannelInput<C>) => Answer<C> };

/** For store tests: answers from a table, records every call and lets the test push events. */
export class FakeIpcClient implements IpcClient {
  readonly calls: { channel: Channel; input: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** Browser mode by default (no paths); a test of the desktop app's drop sets one. */
  pathOfDropped: (file: File) => string | null = () => null;

  constructor(private readonly responders: Responders) {}

  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    this.calls.push({ channel, input });
    const responder = this.responders[channel] as ((input: ChannelInput<C>) => Answer<C>) | undefined;
    return responder ? responder(input) : fail('UNKNOWN_CHANNEL', `No fake for ${channel}`);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }
}
