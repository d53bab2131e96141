import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../shared/domain/settings.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectIsFirstRun, selectLockedByPolicy, selectSettings } from './selectors.js';

const firstRun: Settings = { serverUrl: null, deskName: 'Desk 1', rememberedEmail: null, useLocalSandbox: false };

describe('settings slice', () => {
  it('loads settings and knows a first run (no server, no sandbox)', async () => {
    const store = createAppStore(new FakeIpcClient({ 'settings:get': () => ok(firstRun) }));
    expect(selectIsFirstRun(store.getState())).toBe(false);
    await store.getState().loadSettings();
    expect(selectSettings(store.getState())).toEqual(firstRun);
    expect(selectIsFirstRun(store.getState())).toBe(true);
  });

  it('is not a first run once a server or the sandbox was chosen', () => {
    const base = { settingsError: null };
    expect(selectIsFirstRun({ ...base, settings: { ...firstRun, serverUrl: 'https://oz.example' } })).toBe(false);
    expect(selectIsFirstRun({ ...base, settings: { ...firstRun, useLocalSandbox: true } })).toBe(false);
  });

  it('saves a patch and keeps what main returns; a refusal keeps the old settings', async () => {
    const ipc = new FakeIpcClient({
      'settings:get': () => ok(firstRun),
      'settings:set': (patch) => (patch.deskName === '' ? fail('BAD_INPUT', 'Desk name is required') : ok({ ...firstRun, ...patch })),
    });
    const store = createAppStore(ipc);
    await store.getState().loadSettings();
    expect(await store.getState().saveSettings({ deskName: 'Branch 12' })).toBe(true);
    expect(store.getState().settings?.deskName).toBe('Branch 12');
    expect(await store.getState().saveSettings({ deskName: '' })).toBe(false);
    expect(store.getState()).toMatchObject({ settings: { deskName: 'Branch 12' }, settingsError: { code: 'BAD_INPUT' } });
  });

  it('loads which settings the managed policy locks, and knows a locked one', async () => {
    const policy = { file: '/etc/enroll-desk/policy.json', sha256: 'a'.repeat(64), locked: ['deskName' as const], allowedServers: null };
    const store = createAppStore(new FakeIpcClient({ 'policy:get': () => ok(policy) }));
    expect(selectLockedByPolicy('deskName')(store.getState())).toBe(false);
    await store.getState().loadPolicy();
    expect(selectLockedByPolicy('deskName')(store.getState())).toBe(true);
    expect(selectLockedByPolicy('consent')(store.getState())).toBe(false);
  });
});
