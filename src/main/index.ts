import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createApp, type App } from '../core/app/create-app.js';
import { cliArguments, runCli } from './cli-mode.js';
import { relaunchWithTunedMalloc } from './malloc-relaunch.js';
import { defaultDataDir } from '../core/config/data-dir.js';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store.js';
import { createChooseFolder } from './dialogs/choose-folder.js';
import { createWindowEventSink } from './ipc/event-sink.js';
import { registerIpc } from './ipc/register.js';
import { chromiumFetch, OZ_API_PARTITION } from './net/chromium-fetch.js';
import { installAppProtocol, registerAppScheme } from './security/app-protocol.js';
import { trustedOrigins } from './security/app-origin.js';
import { installNavigationGuards } from './security/navigation-guards.js';
import { installNetworkLockdown } from './security/network-lockdown.js';
import { installPermissionPolicy } from './security/permissions.js';
import { createMainWindow } from './window/create-main-window.js';
import { devServerUrl, rendererEntryUrl } from './window/renderer-url.js';

// Composition root: out/main/index.js sits beside out/preload, out/renderer and out/cli.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const dataDir = defaultDataDir();

const cliArgs = cliArguments(process.argv, app.isPackaged);
if (cliArgs !== null) {
  // Headless: no window, no instance lock (the CLI may run beside the open app).
  void runCli(cliArgs).then((code) => app.exit(code));
} else if (!relaunchWithTunedMalloc(app, process.platform, process.env)) {
  // The app, browser mode and the CLI share one data folder; the instance lock lives there too.
  app.setPath('userData', dataDir);
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    start();
  }
}

function start(): void {
  const devUrl = devServerUrl(app.isPackaged, process.env);
  const origins = trustedOrigins(devUrl);
  let core: App | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.setAppUserModelId('com.enrolldesk.app');
  installNavigationGuards(origins);

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (core === null) return;
    // Close the queue and stores cleanly before the process goes.
    const closing = core;
    core = null;
    event.preventDefault();
    void closing.dispose().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      installAppProtocol(rendererDir);
      installPermissionPolicy(session.defaultSession, origins);
      installNetworkLockdown(session.defaultSession, devUrl);
      core = await createApp({
        dataDir,
        host: 'electron',
        secretStore: new KeytarSecretStore(),
        emit: createWindowEventSink(origins),
        version: app.getVersion(),
        platform: process.platform,
        fetch: chromiumFetch(session.fromPartition(OZ_API_PARTITION)),
        chooseFolder: createChooseFolder(dialog, () => mainWindow),
      });
      registerIpc(core.handlers, origins);
      mainWindow = createMainWindow({ preloadPath, url: rendererEntryUrl(devUrl), devTools: !app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((err: unknown) => {
      dialog.showErrorBox('Enroll Desk could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
