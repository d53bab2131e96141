import type { StateCreator } from 'zustand';
import type { SessionStatus } from '../../../../shared/domain/session.js';
import type { Result } from '../../../../shared/result.js';
import type { IpcClient } from '../../../ipc/client.js';
import type { AppState } from '../../app-state.js';
import { initialSessionState, type SessionSlice } from './state.js';

export function createSessionSlice(ipc: IpcClient): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => {
    // Sign-in and sign-out share one shape: busy while waiting, the status or the error after.
    const run = async (call: () => Promise<Result<SessionStatus>>): Promise<boolean> => {
      set({ sessionBusy: true, sessionError: null });
      const result = await call();
      if (!result.ok) {
        set({ sessionBusy: false, sessionError: result.error });
        return false;
      }
      set({ sessionBusy: false, session: result.value });
      // Signing in may have saved the server URL or the remembered e-mail.
      void get().loadSettings();
      return true;
    };

    return {
      ...initialSessionState,
      async loadSession() {
        const result = await ipc.invoke('session:status', undefined);
        set(result.ok ? { session: result.value, sessionError: null } : { sessionError: result.error });
      },
      signIn: (input) => run(() => ipc.invoke('session:signIn', input)),
      signInLocalSandbox: () => run(() => ipc.invoke('session:signInLocalSandbox', undefined)),
      async signOut(forgetPassword) {
        await run(() => ipc.invoke('session:signOut', { forgetPassword }));
      },
      sessionChanged: (status) => set({ session: status }),
      clearSessionError: () => set({ sessionError: null }),
    };
  };
}
