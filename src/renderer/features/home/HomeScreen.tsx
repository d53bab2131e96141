import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../components/LanguagePicker.js';
import { Toaster } from '../../components/Toaster.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectDeskName } from '../../store/slices/app-info/selectors.js';
import { selectSessionBusy, selectSessionError, type SignedInSession } from '../../store/slices/session/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ForgetDeskDialog } from '../audit/ForgetDeskDialog.js';
import { SyncBadge } from '../sync/SyncBadge.js';
import { WorkArea } from './WorkArea.js';
import { WorkAreaNav } from './WorkAreaNav.js';

interface HomeScreenProps {
  readonly session: SignedInSession;
}

/** The signed-in shell: who and where in the header, the work area below. */
export function HomeScreen({ session }: HomeScreenProps) {
  const deskName = useAppStore(selectDeskName);
  const busy = useAppStore(selectSessionBusy);
  const error = useAppStore(selectSessionError);
  const signOut = useAppStore((s) => s.signOut);
  const [forgetting, setForgetting] = useState(false);
  const { t } = useTranslation();

  return (
    <div className="shell">
      <header className="shell__header">
        <div className="shell__brand">
          <span className="shell__app">{t('app.name')}</span>
          <span className="shell__desk">{t('shell.desk', { desk: deskName })}</span>
        </div>
        <dl className="shell__facts">
          <div className="shell__fact">
            <dt>{t('shell.server')}</dt>
            <dd>
              {session.isLocalSandbox ? <span className="badge">{t('common.localSandbox')}</span> : null}
              <span className="shell__server">{session.serverUrl}</span>
            </dd>
          </div>
          <div className="shell__fact">
            <dt>{t('shell.signedInAs')}</dt>
            <dd>{session.email}</dd>
          </div>
          <div className="shell__fact">
            <dt>{t('shell.sync')}</dt>
            <dd>
              <SyncBadge />
            </dd>
          </div>
        </dl>
        <div className="shell__actions">
          <LanguagePicker />
          {/* The training sandbox's password is the desk's own, not the operator's. */}
          {session.remembered && !session.isLocalSandbox && (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void signOut(true)}>
              {t('shell.signOutForget')}
            </button>
          )}
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void signOut(false)}>
            {t('shell.signOut')}
          </button>
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => setForgetting(true)}>
            {t('shell.forgetDesk')}
          </button>
        </div>
      </header>
      {error && (
        <p className="banner banner--error" role="alert">
          {describeError(error)}
        </p>
      )}
      {forgetting && <ForgetDeskDialog onClose={() => setForgetting(false)} />}
      <WorkAreaNav />
      <main className="shell__main">
        <WorkArea />
      </main>
      <Toaster />
    </div>
  );
}
