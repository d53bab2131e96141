import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/ipc/contract.js';

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const calls: string[] = [];
  const state = { lock: true, ready: Promise.resolve() as Promise<void> };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setPath: vi.fn((name: string, value: string) => void calls.push(`setPath:${name}:${value}`)),
    enableSandbox: vi.fn(() => void calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => (calls.push('lock'), state.lock)),
    quit: vi.fn(() => void calls.push('quit')),
    exit: vi.fn((code: number) => void calls.push(`exit:${code}`)),
    relaunch: vi.fn(() => void calls.push('relaunch')),
    setAppUserModelId: vi.fn(),
    getVersion: () => '0.1.0',
    whenReady: () => {
      calls.push('whenReady');
      return state.ready;
    },
  });
  const windows: { url: string; webPreferences: unknown }[] = [];
  class BrowserWindow extends EventEmitter {
    readonly webPreferences: unknown;
    constructor(options: { webPreferences: unknown }) {
      super();
      this.webPreferences = options.webPreferences;
    }
    loadURL(url: string): Promise<void> {
      windows.push({ url, webPreferences: this.webPreferences });
      return Promise.resolve();
    }
    show(): void {}
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  // Chromium's network stack for Oz requests: answers like a server would, records the call.
  const ozSession = { fetch: vi.fn(async (_url: string, _init: unknown) => new Response('[]', { status: 200 })) };
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void calls.push('registerSchemes')),
      handle: vi.fn((scheme: string) => void calls.push(`protocol.handle:${scheme}`)),
    },
    session: { defaultSession, fromPartition: vi.fn((_partition: string) => ozSession) },
    shell: { openExternal: vi.fn() },
  };
  const dispose = vi.fn(async () => undefined);
  const createApp = vi.fn(async (options: unknown) => {
    calls.push('createApp');
    return { handlers: {}, context: { options }, dispose };
  });
  return { calls, state, electron, windows, createApp, dispose, ozSession };
});

vi.mock('electron', () => fake.electron);
// The composition root is tested for its wiring; the core has its own suites.
vi.mock('../core/app/create-app.js', () => ({ createApp: fake.createApp }));

const DATA_DIR = path.resolve('/tmp/enroll-desk-main-test');

async function boot(): Promise<void> {
  vi.resetModules();
  await import('./index.js');
  await fake.state.ready;
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0), { timeout: 2000 });
}

describe('main composition root', () => {
  beforeEach(() => {
    fake.calls.length = 0;
    fake.windows.length = 0;
    fake.electron.app.removeAllListeners();
    vi.clearAllMocks();
    vi.stubEnv('ENROLL_DESK_DATA', DATA_DIR);
    // As the relaunched instance runs (the test below covers the first one).
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', '131072');
  });
  afterEach(() => vi.unstubAllEnvs());

  it.runIf(process.platform === 'linux')('first starts itself again with glibc malloc tuned, before the data folder, the lock or a window', async () => {
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', undefined);
    vi.stubEnv('ENROLL_DESK_MALLOC_TUNING', undefined);
    vi.resetModules();
    await import('./index.js');
    expect(fake.calls).toContain('relaunch');
    expect(fake.calls.indexOf('relaunch')).toBeLessThan(fake.calls.indexOf('exit:0'));
    expect(process.env['MALLOC_MMAP_THRESHOLD_']).toBe('131072');
    expect(fake.calls).not.toContain('lock');
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.createApp).not.toHaveBeenCalled();
  });

  it('with ENROLL_DESK_MALLOC_TUNING=off starts as it is, without relaunching', async () => {
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', undefined);
    vi.stubEnv('ENROLL_DESK_MALLOC_TUNING', 'off');
    await boot();
    expect(fake.calls).not.toContain('relaunch');
    expect(process.env['MALLOC_MMAP_THRESHOLD_']).toBeUndefined();
  });

  it('prepares the process before ready: data folder, sandbox, app scheme, then the lock', async () => {
    fake.state.lock = true;
    await boot();
    const order = fake.calls.slice(0, fake.calls.indexOf('whenReady') + 1);
    expect(order).toEqual([`setPath:userData:${DATA_DIR}`, 'enableSandbox', 'registerSchemes', 'lock', 'whenReady']);
  });

  it('on ready installs the guards, creates the core with the keychain, binds IPC and opens the app window', async () => {
    fake.state.lock = true;
    await boot();
    const { KeytarSecretStore } = await import('../core/secrets/keytar-secret-store.js');
    expect(fake.calls.indexOf('protocol.handle:app')).toBeLessThan(fake.calls.indexOf('createApp'));
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(fake.electron.app.listenerCount('web-contents-created')).toBe(1);
    const options = fake.createApp.mock.calls[0]?.[0] as { host: string; dataDir: string; secretStore: unknown };
    expect(options.host).toBe('electron');
    expect(options.dataDir).toBe(DATA_DIR);
    expect(options.secretStore).toBeInstanceOf(KeytarSecretStore);
    expect(fake.electron.ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual([...channelNames].sort());
    expect(fake.windows[0]?.url).toBe('app://enroll-desk/index.html');
    expect(fake.windows[0]?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('sends every Oz request through Chromium (its own session partition, no cookies) and packaged builds get no DevTools', async () => {
    fake.state.lock = true;
    await boot();
    const options = fake.createApp.mock.calls[0]?.[0] as { fetch?: typeof fetch };
    expect(options.fetch).toBeTypeOf('function');
    expect(fake.electron.session.fromPartition).toHaveBeenCalledWith('oz-api');
    const res = await options.fetch?.(new URL('https://oz.branch.test/api/collections/'), { method: 'GET', redirect: 'manual' });
    expect(await res?.json()).toEqual([]);
    expect(fake.ozSession.fetch).toHaveBeenCalledWith('https://oz.branch.test/api/collections/', expect.objectContaining({ method: 'GET', redirect: 'manual', credentials: 'omit' }));
    expect(fake.electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(fake.windows[0]?.webPreferences).toMatchObject({ devTools: false });
  });

  it('disposes the core once before quitting', async () => {
    fake.state.lock = true;
    await boot();
    const event = { preventDefault: vi.fn() };
    fake.electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled());
    fake.electron.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(fake.dispose).toHaveBeenCalledTimes(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    vi.resetModules();
    await import('./index.js');
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.createApp).not.toHaveBeenCalled();
  });
});

describe('main started as the CLI (`"Enroll Desk" --cli …`)', () => {
  const argv = process.argv;
  let dataDir = '';
  beforeEach(() => {
    fake.calls.length = 0;
    fake.windows.length = 0;
    vi.clearAllMocks();
    dataDir = mkdtempSync(path.join(tmpdir(), 'enroll-desk-cli-mode-'));
  });
  afterEach(() => {
    process.argv = argv;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Boots main with a packaged app's argv; resolves to the code it exits with and what it printed. */
  async function bootCli(args: readonly string[]): Promise<{ code: unknown; stdout: string }> {
    process.argv = ['/opt/Enroll Desk/enroll-desk', ...args];
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(String(chunk));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    });
    try {
      vi.resetModules();
      await import('./index.js');
      await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalled(), { timeout: 30_000 });
    } finally {
      write.mockRestore();
    }
    return { code: fake.electron.app.exit.mock.calls[0]?.[0], stdout: printed.join('') };
  }

  it('runs `--cli queue --json` and exits with its code, without a window, the instance lock or the app core', async () => {
    const { code, stdout } = await bootCli(['--cli', 'queue', '--json', '--data', dataDir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: { pending: 0 }, items: [] });
    expect(fake.windows).toHaveLength(0);
    expect(fake.calls).not.toContain('lock');
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.createApp).not.toHaveBeenCalled();
  });

  it('exits with the CLI’s usage code (2) for an unknown option', async () => {
    const { code } = await bootCli(['--cli', 'queue', '--no-such-option']);
    expect(code).toBe(2);
    expect(fake.windows).toHaveLength(0);
  });
});
