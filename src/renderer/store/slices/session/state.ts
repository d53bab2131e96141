import type { SessionStatus } from '../../../../shared/domain/session.js';
import type { SignInInput } from '../../../../shared/domain/session.js';
import type { AppError } from '../../../../shared/result.js';

/** Mirrored from main (`session:changed`); never persisted in the renderer. */
export interface SessionState {
  /** null until main has told us. */
  readonly session: SessionStatus | null;
  readonly sessionBusy: boolean;
  readonly sessionError: AppError | null;
}

export interface SessionActions {
  loadSession(): Promise<void>;
  /** Resolves true when signed in. */
  signIn(input: SignInInput): Promise<boolean>;
  signInLocalSandbox(): Promise<boolean>;
  signOut(forgetPassword: boolean): Promise<void>;
  sessionChanged(status: SessionStatus): void;
  clearSessionError(): void;
}

export type SessionSlice = SessionState & SessionActions;

export const initialSessionState: SessionState = { session: null, sessionBusy: false, sessionError: null };
