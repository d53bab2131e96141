import { BrowserWindow } from 'electron';
import type { EventSink } from '../../core/ipc/handler-table.js';
import { isTrustedUrl } from '../security/app-origin.js';

/** Pushes core events to every live app window; a page not on the app's origin gets nothing. */
export function createWindowEventSink(origins: readonly string[]): EventSink {
  return (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (window.isDestroyed() || contents.isDestroyed()) continue;
      if (!isTrustedUrl(contents.getURL(), origins)) continue;
      contents.send(event, payload);
    }
  };
}
