import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerTable } from '../../core/ipc/handler-table.js';
import { channelNames } from '../../shared/ipc/contract.js';

type Invoke = (event: { senderFrame: unknown }, input: unknown) => Promise<unknown> | unknown;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Invoke>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, fn: Invoke) => void handlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { registerIpc } = await import('./register.js');
const { APP_ORIGIN } = await import('../security/app-origin.js');

const signedOut = { state: 'signedOut', rememberedEmail: null, serverUrl: null } as const;

function handlerTable() {
  const table = {
    'app:info': vi.fn(() => ({
      name: 'Enroll Desk',
      version: '0.1.0',
      host: 'electron' as const,
      platform: 'linux',
      deskName: 'desk-1',
      localSandboxAvailable: true,
    })),
    'settings:get': vi.fn(),
    'settings:set': vi.fn(),
    'session:status': vi.fn(() => signedOut),
    'session:signIn': vi.fn(() => signedOut),
    'session:signInLocalSandbox': vi.fn(() => signedOut),
    'session:signOut': vi.fn(() => signedOut),
  };
  return table;
}

function frame(url: string, sub = false) {
  const top: { url: string; parent: unknown; top: unknown } = { url: APP_ORIGIN + '/index.html', parent: null, top: null };
  top.top = top;
  if (sub) return { url, parent: top, top };
  const self: { url: string; parent: unknown; top: unknown } = { url, parent: null, top: null };
  self.top = self;
  return self;
}

async function call(channel: string, senderFrame: unknown, input?: unknown): Promise<unknown> {
  const fn = electron.handlers.get(channel);
  if (fn === undefined) throw new Error(`no handler for ${channel}`);
  return fn({ senderFrame }, input);
}

describe('registerIpc', () => {
  let table: ReturnType<typeof handlerTable>;
  let unregister: () => void;

  beforeEach(() => {
    electron.handlers.clear();
    table = handlerTable();
    unregister = registerIpc(table as unknown as HandlerTable, [APP_ORIGIN]);
  });

  it('binds exactly the contract channels and unbinds them', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...channelNames].sort());
    unregister();
    expect(electron.handlers.size).toBe(0);
  });

  it('runs the handler for the app main frame', async () => {
    const result = await call('session:signOut', frame('app://enroll-desk/index.html'), { forgetPassword: true });
    expect(result).toEqual({ ok: true, value: signedOut });
    expect(table['session:signOut']).toHaveBeenCalledWith({ forgetPassword: true });
  });

  it.each([
    ['a foreign page', frame('https://evil.example/')],
    ['a subframe of the app', frame('app://enroll-desk/index.html', true)],
    ['a frame that is gone', null],
  ])('answers FORBIDDEN to %s without running the handler', async (_name, senderFrame) => {
    const result = (await call('session:signOut', senderFrame, { forgetPassword: true })) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('FORBIDDEN');
    expect(table['session:signOut']).not.toHaveBeenCalled();
  });

  it('answers BAD_INPUT to malformed input, never throwing', async () => {
    const result = (await call('session:signOut', frame('app://enroll-desk/'), { forgetPassword: 'yes' })) as {
      ok: boolean;
      error: { code: string; details: { issues: { path: string }[] } };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.details.issues[0]?.path).toBe('forgetPassword');
    expect(table['session:signOut']).not.toHaveBeenCalled();
  });

  it('turns a throwing service into an error result', async () => {
    table['session:status'].mockImplementationOnce(() => {
      throw new Error('boom');
    });
    expect(await call('session:status', frame('app://enroll-desk/'))).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });
});
