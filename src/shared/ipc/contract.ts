import { z } from 'zod';
import { appInfoSchema } from '../domain/app-info.js';
import { sessionStatusSchema, signInInputSchema } from '../domain/session.js';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.js';

const noInput = z.undefined().or(z.object({}).strict()).transform(() => undefined);

/**
 * Every request channel: `domain:verb` → input and output schemas. The main handler,
 * the preload bridge, the renderer client and the browser-mode host are all typed from
 * this one table.
 */
export const channels = {
  'app:info': { input: noInput, output: appInfoSchema },
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
  'session:status': { input: noInput, output: sessionStatusSchema },
  'session:signIn': { input: signInInputSchema, output: sessionStatusSchema },
  'session:signInLocalSandbox': { input: noInput, output: sessionStatusSchema },
  'session:signOut': {
    input: z.object({ forgetPassword: z.boolean() }).strict(),
    output: sessionStatusSchema,
  },
} as const;

/** Events main pushes to the renderer. */
export const events = {
  'session:changed': sessionStatusSchema,
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
