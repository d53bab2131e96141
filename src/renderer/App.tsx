import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from './features/home/HomeScreen.js';
import { SignInScreen } from './features/sign-in/SignInScreen.js';
import { applyLanguage } from './i18n/index.js';
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
  const language = useAppStore((s) => s.settings?.language);
  const [loading, setLoading] = useState(true);
  const { t } = useTranslation();

  useEffect(() => applyLanguage(language), [language]);

  const load = useCallback(() => {
    setLoading(true);
    void loadInitialState(store).finally(() => setLoading(false));
  }, [store]);
  useEffect(load, [load]);

  if (session === null || !settingsLoaded) {
    return (
      <main className="startup">
        <h1 className="visually-hidden">{t('app.name')}</h1>
        {loading ? (
          <p role="status">{t('app.starting')}</p>
        ) : (
          <div className="startup__problem" role="alert">
            <p>{startError ? t('app.noAnswerBecause', { reason: describeError(startError) }) : t('app.noAnswer')}</p>
            <button type="button" className="button button--primary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        )}
      </main>
    );
  }
  return session.state === 'signedIn' ? <HomeScreen session={session} /> : <SignInScreen />;
}
