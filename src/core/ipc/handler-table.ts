import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../shared/ipc/contract.js';

/** Each channel → a function of its parsed input. Electron-free: bound by main and web-host alike. */
export type HandlerTable = {
  readonly [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
