import { protocol } from 'electron';
import { createAppFileHandler } from './app-files.js';
import { APP_SCHEME } from './app-origin.js';

/** Must run before `ready`: gives `app:` a real origin (standard, secure) and fetch support. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rootDir` on `app://enroll-desk/`, every response with the CSP. */
export function installAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppFileHandler(rootDir));
}
