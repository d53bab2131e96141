import { useCallback, useEffect, useState } from 'react';
import { HomeScreen } from './features/home/HomeScreen.js';
import { SignInScreen } from './features/sign-in/SignInScreen.js';
import { describeError } from './ipc/describe-error.js';
import { loadInitialState, type AppStore } from './store/index.js';
import { selectSession } from './store/slices/session/selectors.js';
import { useAppStore } from './store/store-context.js';

interface AppProps {
  readonly store: AppStore;
}

export function App({ store }: AppProps) {
  const session = useAppStore(selectSession);
  const settingsLoaded = useAppStore((s) => s.settings !== null);
  const startError = useAppStore((s) => s.sessionError ?? s.settingsError ?? s.appInfoError);
  const [loading, setLoading] = useState(true);

  const load = useCallback(() => {
    setLoading(true);
    void loadInitialState(store).finally(() => setLoading(false));
  }, [store]);
  useEffect(load, [load]);

  if (session === null || !settingsLoaded) {
    return (
      <main className="startup">
        {loading ? (
          <p role="status">Starting Enroll Desk…</p>
        ) : (
          <div className="startup__problem" role="alert">
            <p>The desk service did not answer{startError ? `: ${describeError(startError)}` : '.'}</p>
            <button type="button" className="button button--primary" onClick={load}>
              Try again
            </button>
          </div>
        )}
      </main>
    );
  }
  return session.state === 'signedIn' ? <HomeScreen session={session} /> : <SignInScreen />;
}
