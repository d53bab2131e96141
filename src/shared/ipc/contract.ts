import type { z } from 'zod';
import { appChannels } from './channels/app-channels.js';
import { auditChannels } from './channels/audit-channels.js';
import { deskChannels } from './channels/desk-channels.js';
import { duplicatesChannels, duplicatesEvents } from './channels/duplicates-channels.js';
import { enrollChannels, enrollEvents } from './channels/enroll-channels.js';
import { sessionChannels, sessionEvents } from './channels/session-channels.js';
import { collectionsChannels, collectionsEvents } from './channels/collections-channels.js';
import { companiesChannels } from './channels/companies-channels.js';
import { personsChannels, personsEvents } from './channels/persons-channels.js';
import { photosChannels } from './channels/photos-channels.js';
import { queueChannels, queueEvents } from './channels/queue-channels.js';

/**
 * Every request channel: `domain:verb` → input and output schemas, one file per domain
 * under ./channels. The main handler, the preload bridge, the renderer client and the
 * browser-mode host are all typed from this one table.
 */
export const channels = {
  ...appChannels,
  ...sessionChannels,
  ...companiesChannels,
  ...collectionsChannels,
  ...personsChannels,
  ...photosChannels,
  ...enrollChannels,
  ...auditChannels,
  ...deskChannels,
  ...queueChannels,
  ...duplicatesChannels,
} as const;

/** Events main pushes to the renderer: name → payload schema. */
export const events = {
  ...sessionEvents,
  ...collectionsEvents,
  ...personsEvents,
  ...enrollEvents,
  ...queueEvents,
  ...duplicatesEvents,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
