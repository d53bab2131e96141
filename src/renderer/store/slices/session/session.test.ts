import { describe, expect, it, vi } from 'vitest';
import type { SessionStatus } from '../../../../shared/domain/session.js';
import type { Settings } from '../../../../shared/domain/settings.js';
import { fail, ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectSessionBusy, selectSignedIn } from './selectors.js';

const signedOut: SessionStatus = { state: 'signedOut', rememberedEmail: null, serverUrl: null };
const signedIn: SessionStatus = { state: 'signedIn', serverUrl: 'https://oz.example', email: 'op@bank.example', isLocalSandbox: false, remembered: true };
const settings: Settings = { serverUrl: 'https://oz.example', deskName: 'Desk 1', rememberedEmail: 'op@bank.example', useLocalSandbox: false };
const input = { serverUrl: 'https://oz.example', email: 'op@bank.example', password: 'secret', remember: true };

describe('session slice', () => {
  it('starts unknown and loads the status from main', async () => {
    const store = createAppStore(new FakeIpcClient({ 'session:status': () => ok(signedOut) }));
    expect(store.getState().session).toBeNull();
    await store.getState().loadSession();
    expect(store.getState().session).toEqual(signedOut);
  });

  it('mirrors session:changed events', () => {
    const ipc = new FakeIpcClient({});
    const store = createAppStore(ipc);
    ipc.emit('session:changed', signedIn);
    expect(selectSignedIn(store.getState())).toEqual(signedIn);
    ipc.emit('session:changed', signedOut);
    expect(selectSignedIn(store.getState())).toBeNull();
  });

  it('is busy while signing in, then holds the status and refreshes settings', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ipc = new FakeIpcClient({ 'session:signIn': () => gate.then(() => ok(signedIn)), 'settings:get': () => ok(settings) });
    const store = createAppStore(ipc);
    const pending = store.getState().signIn(input);
    expect(selectSessionBusy(store.getState())).toBe(true);
    release();
    expect(await pending).toBe(true);
    expect(store.getState()).toMatchObject({ sessionBusy: false, sessionError: null, session: signedIn });
    await vi.waitFor(() => expect(store.getState().settings).toEqual(settings));
    expect(ipc.calls.map((c) => c.channel)).toEqual(['session:signIn', 'settings:get']);
    expect(ipc.calls[0]?.input).toEqual(input);
  });

  it('keeps the error and the previous status when sign-in is refused', async () => {
    const refused = fail('OZ_API', 'Sign-in was refused.', { errorMessage: 'Invalid credentials' });
    const store = createAppStore(new FakeIpcClient({ 'session:status': () => ok(signedOut), 'session:signIn': () => refused }));
    await store.getState().loadSession();
    expect(await store.getState().signIn(input)).toBe(false);
    expect(store.getState()).toMatchObject({ session: signedOut, sessionBusy: false, sessionError: { code: 'OZ_API' } });
    store.getState().clearSessionError();
    expect(store.getState().sessionError).toBeNull();
  });

  it('signs in to the local sandbox and signs out with the forget flag', async () => {
    const sandbox: SessionStatus = { ...signedIn, serverUrl: 'http://127.0.0.1:5555', isLocalSandbox: true, remembered: false };
    const ipc = new FakeIpcClient({
      'session:signInLocalSandbox': () => ok(sandbox),
      'session:signOut': () => ok(signedOut),
      'settings:get': () => ok(settings),
    });
    const store = createAppStore(ipc);
    expect(await store.getState().signInLocalSandbox()).toBe(true);
    expect(selectSignedIn(store.getState())?.isLocalSandbox).toBe(true);
    await store.getState().signOut(true);
    expect(store.getState().session).toEqual(signedOut);
    expect(ipc.calls.find((c) => c.channel === 'session:signOut')?.input).toEqual({ forgetPassword: true });
  });
});
