import type { SessionStatus } from '../../../../shared/domain/session.js';
import type { SessionState } from './state.js';

export type SignedInSession = Extract<SessionStatus, { state: 'signedIn' }>;

export const selectSession = (s: SessionState): SessionStatus | null => s.session;
export const selectSignedIn = (s: SessionState): SignedInSession | null => (s.session?.state === 'signedIn' ? s.session : null);
export const selectSessionBusy = (s: SessionState): boolean => s.sessionBusy;
export const selectSessionError = (s: SessionState) => s.sessionError;
