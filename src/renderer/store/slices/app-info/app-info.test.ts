import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../shared/domain/app-info.js';
import type { Settings } from '../../../../shared/domain/settings.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore, loadInitialState } from '../../index.js';
import { selectDeskName, selectOffersLocalSandbox } from './selectors.js';

const info: AppInfo = { name: 'Enroll Desk', version: '0.1.0', host: 'browser', platform: 'linux', deskName: 'Host desk', localSandboxAvailable: true };
const settings: Settings = { serverUrl: null, deskName: 'Branch 12', rememberedEmail: null, useLocalSandbox: false };

describe('app-info slice', () => {
  it('loads the app info with settings and session in one go', async () => {
    const store = createAppStore(
      new FakeIpcClient({
        'app:info': () => ok(info),
        'settings:get': () => ok(settings),
        'session:status': () => ok({ state: 'signedOut', rememberedEmail: null, serverUrl: null }),
      }),
    );
    await loadInitialState(store);
    expect(store.getState().appInfo).toEqual(info);
    expect(selectDeskName(store.getState())).toBe('Branch 12');
    expect(selectOffersLocalSandbox(store.getState())).toBe(true);
  });

  it('keeps the error when main cannot answer', async () => {
    const store = createAppStore(new FakeIpcClient({ 'app:info': () => fail('NETWORK', 'lost') }));
    await store.getState().loadAppInfo();
    expect(store.getState()).toMatchObject({ appInfo: null, appInfoError: { code: 'NETWORK' } });
  });

  it('offers the sandbox only where the host can run it and no real server is set', () => {
    const state = (appInfo: AppInfo | null, s: Settings | null) => ({ appInfo, settings: s });
    expect(selectOffersLocalSandbox(state({ ...info, localSandboxAvailable: false }, settings))).toBe(false);
    expect(selectOffersLocalSandbox(state(info, { ...settings, serverUrl: 'https://oz.example' }))).toBe(false);
    expect(selectOffersLocalSandbox(state(info, { ...settings, serverUrl: 'http://127.0.0.1:9', useLocalSandbox: true }))).toBe(true);
    expect(selectOffersLocalSandbox(state(info, null))).toBe(false);
    expect(selectDeskName(state(info, null))).toBe('Host desk');
  });
});
