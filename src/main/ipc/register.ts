import { ipcMain } from 'electron';
import type { HandlerTable } from '../../core/ipc/handler-table.js';
import { dispatch } from '../../core/ipc/dispatch.js';
import { channelNames } from '../../shared/ipc/contract.js';
import { fail } from '../../shared/result.js';
import { isTrustedSender } from './is-trusted-sender.js';

/**
 * Binds every contract channel to the core handler table. Calls from anything but the
 * app's own main frame are refused; everything else goes through `dispatch`, which
 * validates input and never throws. Returns a function that unbinds them.
 */
export function registerIpc(handlers: HandlerTable, origins: readonly string[]): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, origins)) {
        return fail('FORBIDDEN', `${channel} may only be called by the app's own window.`);
      }
      return dispatch(handlers, channel, input);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
