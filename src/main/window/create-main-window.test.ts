import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow {
    readonly loadURL = vi.fn(async () => undefined);
    readonly once = vi.fn();
    readonly show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options, loadURL: this.loadURL });
    }
  }
  return { created, BrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow, secureWebPreferences } = await import('./create-main-window.js');
const { devServerUrl, rendererEntryUrl } = await import('./renderer-url.js');

const SECURE = {
  devTools: false,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  preload: '/app/out/preload/index.cjs',
};

describe('main window', () => {
  it('uses the locked-down web preferences', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual(SECURE);
  });

  it('opens DevTools only when asked (development builds); packaged builds never', () => {
    expect(secureWebPreferences('/p.cjs', true)).toMatchObject({ devTools: true });
    createMainWindow({ preloadPath: '/p.cjs', url: rendererEntryUrl(undefined), devTools: true });
    expect(electron.created.at(-1)?.options['webPreferences']).toMatchObject({ devTools: true });
  });

  it('creates the window with them and loads the app origin', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', url: rendererEntryUrl(undefined) });
    const window = electron.created.at(-1);
    expect(window?.options['webPreferences']).toEqual(SECURE);
    expect(window?.loadURL).toHaveBeenCalledWith('app://enroll-desk/index.html');
  });
});

describe('renderer URL', () => {
  it('uses the dev server only unpackaged and only on loopback http', () => {
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(devServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined();
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example' })).toBeUndefined();
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://192.168.1.5:5173' })).toBeUndefined();
    expect(devServerUrl(false, {})).toBeUndefined();
    expect(rendererEntryUrl('http://localhost:5173')).toBe('http://localhost:5173');
  });
});
