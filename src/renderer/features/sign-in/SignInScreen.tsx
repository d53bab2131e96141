import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { completeServerUrl } from '../../../shared/domain/server-url.js';
import { LanguagePicker } from '../../components/LanguagePicker.js';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectDeskName, selectOffersLocalSandbox } from '../../store/slices/app-info/selectors.js';
import { selectSession, selectSessionBusy, selectSessionError } from '../../store/slices/session/selectors.js';
import { selectIsFirstRun, selectSettings } from '../../store/slices/settings/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { TextField } from '../../components/TextField.js';
import { hasProblems, validateSignIn, type SignInFields, type SignInProblems } from './validate-sign-in.js';

const FIELD_ORDER: readonly (keyof SignInFields)[] = ['serverUrl', 'email', 'password'];

export function SignInScreen() {
  const settings = useAppStore(selectSettings);
  const session = useAppStore(selectSession);
  const deskName = useAppStore(selectDeskName);
  const firstRun = useAppStore(selectIsFirstRun);
  const offersSandbox = useAppStore(selectOffersLocalSandbox);
  const busy = useAppStore(selectSessionBusy);
  const error = useAppStore(selectSessionError);
  const signIn = useAppStore((s) => s.signIn);
  const signInLocalSandbox = useAppStore((s) => s.signInLocalSandbox);

  const rememberedEmail = settings?.rememberedEmail ?? (session?.state === 'signedOut' ? session.rememberedEmail : null);
  // The sandbox's URL changes every start, so it is never offered as the server to type into.
  const knownServer = settings?.useLocalSandbox ? null : (settings?.serverUrl ?? null);
  const [fields, setFields] = useState<SignInFields>({ serverUrl: knownServer ?? '', email: rememberedEmail ?? '', password: '' });
  const [remember, setRemember] = useState(rememberedEmail !== null);
  const [problems, setProblems] = useState<SignInProblems>({});
  const [attempted, setAttempted] = useState(false);
  const inputs = useRef<Partial<Record<keyof SignInFields, HTMLInputElement | null>>>({});
  const { t } = useTranslation();

  const update = (name: keyof SignInFields, value: string): void => {
    const next = { ...fields, [name]: value };
    setFields(next);
    if (attempted) setProblems(validateSignIn(next));
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    // "127.0.0.1:8787" means http://127.0.0.1:8787: complete it and show what will be used.
    const serverUrl = completeServerUrl(fields.serverUrl);
    if (serverUrl !== fields.serverUrl) setFields((current) => ({ ...current, serverUrl }));
    const found = validateSignIn(fields);
    setProblems(found);
    if (hasProblems(found)) {
      const first = FIELD_ORDER.find((name) => found[name] !== undefined);
      if (first) inputs.current[first]?.focus();
      return;
    }
    const signedIn = await signIn({ serverUrl, email: fields.email.trim(), password: fields.password, remember });
    if (signedIn) return;
    // A refused password is retyped where it was typed.
    setFields((current) => ({ ...current, password: '' }));
    inputs.current.password?.focus();
  };

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__top">
          <p className="sign-in__desk">{t('signIn.desk', { desk: deskName })}</p>
          <LanguagePicker />
        </div>
        <ScreenHeading className="sign-in__title">{t('signIn.title')}</ScreenHeading>

        {offersSandbox && (
          <section className={firstRun ? 'sandbox-offer sandbox-offer--first-run' : 'sandbox-offer'} aria-labelledby="sandbox-offer-title">
            <h2 id="sandbox-offer-title" className="sandbox-offer__title">
              {firstRun ? t('signIn.sandbox.firstRunTitle') : t('signIn.sandbox.title')}
            </h2>
            <p className="sandbox-offer__text">{t('signIn.sandbox.text')}</p>
            <button
              type="button"
              className={firstRun ? 'button button--primary' : 'button button--secondary'}
              disabled={busy}
              onClick={() => void signInLocalSandbox()}
            >
              {t('common.localSandbox')}
            </button>
          </section>
        )}

        <form className="sign-in__form" noValidate aria-busy={busy} aria-label={t('signIn.formName')} onSubmit={(e) => void submit(e)}>
          {offersSandbox && firstRun && <p className="sign-in__divider">{t('signIn.divider')}</p>}
          <TextField
            id="server-url"
            label={t('signIn.serverUrl')}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder={t('signIn.serverUrlPlaceholder')}
            value={fields.serverUrl}
            problem={problems.serverUrl}
            inputRef={(el) => {
              inputs.current.serverUrl = el;
            }}
            onChange={(v) => update('serverUrl', v)}
          />
          <TextField
            id="email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={fields.email}
            problem={problems.email}
            inputRef={(el) => {
              inputs.current.email = el;
            }}
            onChange={(v) => update('email', v)}
          />
          <TextField
            id="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={fields.password}
            problem={problems.password}
            inputRef={(el) => {
              inputs.current.password = el;
            }}
            onChange={(v) => update('password', v)}
          />
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <span>{t('signIn.remember')}</span>
          </label>
          {error && (
            <p className="form-error" role="alert">
              {describeError(error)}
            </p>
          )}
          <button type="submit" className={firstRun && offersSandbox ? 'button button--secondary button--wide' : 'button button--primary button--wide'} disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
