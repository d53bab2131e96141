// A stand-in for the `electron` module, for running the built main bundle where no
// Electron binary exists. Only the CLI path may touch it: every window-side call throws,
// so a test sees at once if main started the desktop app instead of the CLI.
const windowSide = (name) => () => {
  throw new Error(`main took the window path in CLI mode (electron.${name} was called)`);
};

export const app = {
  isPackaged: true,
  exit: (code) => process.exit(code),
  quit: windowSide('app.quit'),
  setPath: windowSide('app.setPath'),
  enableSandbox: windowSide('app.enableSandbox'),
  requestSingleInstanceLock: windowSide('app.requestSingleInstanceLock'),
  whenReady: windowSide('app.whenReady'),
  on: windowSide('app.on'),
  getVersion: () => '0.0.0-test',
};

export class BrowserWindow {
  constructor() {
    windowSide('BrowserWindow')();
  }
}

const namespace = (name) => new Proxy({}, { get: (_, key) => windowSide(`${name}.${String(key)}`) });
export const dialog = namespace('dialog');
export const ipcMain = namespace('ipcMain');
export const net = namespace('net');
export const protocol = namespace('protocol');
export const session = namespace('session');
export const shell = namespace('shell');

export default { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell };
