import { useRef, useState, type FormEvent } from 'react';
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

  const update = (name: keyof SignInFields, value: string): void => {
    const next = { ...fields, [name]: value };
    setFields(next);
    if (attempted) setProblems(validateSignIn(next));
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const found = validateSignIn(fields);
    setProblems(found);
    if (hasProblems(found)) {
      const first = FIELD_ORDER.find((name) => found[name] !== undefined);
      if (first) inputs.current[first]?.focus();
      return;
    }
    const signedIn = await signIn({ serverUrl: fields.serverUrl.trim(), email: fields.email.trim(), password: fields.password, remember });
    if (!signedIn) setFields((current) => ({ ...current, password: '' }));
  };

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <p className="sign-in__desk">Enroll Desk · {deskName}</p>
        <h1 className="sign-in__title">Sign in to Oz</h1>

        {offersSandbox && (
          <section className={firstRun ? 'sandbox-offer sandbox-offer--first-run' : 'sandbox-offer'} aria-labelledby="sandbox-offer-title">
            <h2 id="sandbox-offer-title" className="sandbox-offer__title">
              {firstRun ? 'New desk? Start with the training server' : 'Training server'}
            </h2>
            <p className="sandbox-offer__text">A local Oz sandbox runs on this computer. Nothing you enroll there reaches the bank's server.</p>
            <button
              type="button"
              className={firstRun ? 'button button--primary' : 'button button--secondary'}
              disabled={busy}
              onClick={() => void signInLocalSandbox()}
            >
              Local sandbox (training)
            </button>
          </section>
        )}

        <form className="sign-in__form" noValidate aria-busy={busy} aria-label="Sign in" onSubmit={(e) => void submit(e)}>
          {offersSandbox && firstRun && <p className="sign-in__divider">or sign in to your bank's Oz server</p>}
          <TextField
            id="server-url"
            label="Server URL"
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://api.example-oz.com"
            value={fields.serverUrl}
            problem={problems.serverUrl}
            inputRef={(el) => {
              inputs.current.serverUrl = el;
            }}
            onChange={(v) => update('serverUrl', v)}
          />
          <TextField
            id="email"
            label="E-mail"
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
            label="Password"
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
            <span>Remember on this desk</span>
          </label>
          {error && (
            <p className="form-error" role="alert">
              {describeError(error)}
            </p>
          )}
          <button type="submit" className={firstRun && offersSandbox ? 'button button--secondary button--wide' : 'button button--primary button--wide'} disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
