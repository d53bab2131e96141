import { app, type WebContents } from 'electron';
import { isTrustedUrl } from './app-origin.js';
import { isAllowedExternalUrl, openExternalSafely } from './open-external.js';

/** Keeps every web contents on the app's own origin: no foreign pages, popups or webviews. */
export function guardWebContents(contents: WebContents, origins: readonly string[]): void {
  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, origins)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(event.url)) void openExternalSafely(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the guards to every web contents the app ever creates, before it loads anything. */
export function installNavigationGuards(origins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origins));
}
