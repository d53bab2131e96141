import { createApp, type App } from '../../src/core/app/create-app.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract.js';
import type { RawOz } from './raw-oz.js';
import type { Sandbox } from './sandbox.js';

// A desk as the UI drives it (the handler table, signed in to a sandbox over real HTTP), for
// the 1:N duplicate-check suites.

export const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };

export async function call<C extends Channel>(app: App, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(app.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fresh desk in its own data folder, signed in to the sandbox's demo account. */
export async function startDesk(sb: Sandbox, dataDir: string): Promise<App> {
  const app = await createApp({
    dataDir,
    host: 'browser',
    secretStore: new InMemorySecretStore(),
    emit: () => undefined,
    version: 't',
    platform: 'linux',
    localSandbox: null,
    restoreSession: false,
  });
  const demo = sb.demo as NonNullable<Sandbox['demo']>;
  await call(app, 'session:signIn', { serverUrl: sb.url, email: demo.email, password: demo.password, remember: false });
  return app;
}

export const drained = (app: App) => until(async () => ((await call(app, 'queue:status', undefined)).pending === 0 ? true : undefined), 'the queue to drain');

/** Enrolls "Ann Original" from photo P through the form path and returns her person id. */
export async function enrollOriginal(app: App, oz: RawOz, photo: Buffer): Promise<string> {
  await call(app, 'enroll:enrollPerson', {
    collectionId: oz.demo.collectionId,
    name: { first: 'Ann', middle: '', last: 'Original' },
    source: 'form',
    photos: [{ dataBase64: photo.toString('base64'), fileName: 'p.jpg', tags: ['photo_selfie'] }],
    consent,
  });
  await drained(app);
  const ann = (await oz.persons()).find((p) => p.meta_data?.person_info?.last_name === 'Original');
  if (ann === undefined) throw new Error('Ann was not enrolled');
  return ann.person_id;
}
