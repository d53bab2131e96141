import { deskScopeOf, scopeKey } from '../../../shared/domain/desk-scope.js';
import type { SessionStatus } from '../../../shared/domain/session.js';
import type { AppStore } from '../index.js';
import { initialCollectionsState } from '../slices/collections/state.js';
import { initialEnrollState } from '../slices/enroll/state.js';
import { initialPersonDetailState } from '../slices/person-detail/state.js';
import { initialPersonsState } from '../slices/persons/state.js';
import { initialSyncState } from '../slices/sync/state.js';

/** The server and account a session is signed in to, as one string; null when signed out. */
export function sessionScopeKey(session: SessionStatus | null): string | null {
  if (session?.state !== 'signedIn') return null;
  return scopeKey(deskScopeOf(session.serverUrl, session.email, session.isLocalSandbox));
}

/**
 * Selections belong to the server they were made on: when someone signs in to another
 * server or account, Enroll's chosen collection, the Collections screen (its persons,
 * person and deletion cards) and the Sync table start again from that server's state.
 */
export function forgetOtherServerOnSignIn(store: AppStore): () => void {
  let last = sessionScopeKey(store.getState().session);
  return store.subscribe((state, previous) => {
    if (state.session === previous.session) return;
    const now = sessionScopeKey(state.session);
    if (now === null || now === last) return;
    const changed = last !== null;
    last = now;
    if (!changed) return;
    // Kept: the queue's status (main sends the new scope's own) and what is not a server's (folder paths, consent text).
    const { syncStatus, folderPath, manifestPath, consentTerms } = store.getState();
    store.setState({
      ...initialEnrollState,
      ...initialCollectionsState,
      ...initialPersonsState,
      ...initialPersonDetailState,
      ...initialSyncState,
      syncStatus,
      folderPath,
      manifestPath,
      consentTerms,
    });
  });
}
