import { BrowserWindow, type WebPreferences } from 'electron';

/**
 * The renderer gets no Node, no Electron, no webviews: only the preload's contract bridge.
 * DevTools only in development: a packaged desk must not open a console onto biometric data.
 */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    devTools,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly url: string;
  readonly iconPath?: string;
  /** True only for unpackaged development builds. */
  readonly devTools?: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Enroll Desk',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools === true),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((err: unknown) => {
    console.error('enroll-desk: could not load the window', err);
  });
  return window;
}
