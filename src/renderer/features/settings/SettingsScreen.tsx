import { useState, type FormEvent } from 'react';
import { consentTermsOf } from '../../../shared/domain/consent.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectSettings } from '../../store/slices/settings/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { LockedNote } from './LockedNote.js';
import { ReadOnlySettings } from './ReadOnlySettings.js';

/** The desk's settings; what the machine's managed policy sets is shown locked, with why. */
export function SettingsScreen() {
  const settings = useAppStore(selectSettings);
  const policy = useAppStore((s) => s.policy);
  const error = useAppStore((s) => s.settingsError);
  const save = useAppStore((s) => s.saveSettings);
  const sandboxAvailable = useAppStore((s) => s.appInfo?.localSandboxAvailable ?? false);
  const terms = consentTermsOf(settings ?? {});
  const [deskName, setDeskName] = useState(settings?.deskName ?? '');
  const [consentVersion, setConsentVersion] = useState(terms.version);
  const [consentText, setConsentText] = useState(terms.text);
  const [duplicateCheck, setDuplicateCheck] = useState(settings?.duplicateCheck !== false);
  const [saved, setSaved] = useState(false);
  if (settings === null) return null;

  const locked = policy?.locked ?? [];
  const isLocked = (key: (typeof locked)[number]): boolean => locked.includes(key);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const patch = {
      ...(isLocked('deskName') ? {} : { deskName }),
      ...(isLocked('consent') ? {} : { consentTextVersion: consentVersion, consentText }),
      ...(isLocked('duplicateCheck') ? {} : { duplicateCheck }),
    };
    setSaved(await save(patch));
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {policy?.file != null && <p className="settings__policy">A managed policy from your IT department applies to this desk ({policy.file}).</p>}
      <form className="settings__form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label className="field__label" htmlFor="settings-desk-name">Desk name</label>
          <input id="settings-desk-name" className="field__input" value={isLocked('deskName') ? settings.deskName : deskName} disabled={isLocked('deskName')} aria-describedby={isLocked('deskName') ? 'locked-deskName' : undefined} onChange={(e) => setDeskName(e.target.value)} />
          {isLocked('deskName') && <LockedNote id="locked-deskName" />}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="settings-consent-version">Consent text version</label>
          <input id="settings-consent-version" className="field__input" value={isLocked('consent') ? terms.version : consentVersion} disabled={isLocked('consent')} aria-describedby={isLocked('consent') ? 'locked-consent' : undefined} onChange={(e) => setConsentVersion(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="settings-consent-text">Consent text</label>
          <textarea id="settings-consent-text" className="field__input" rows={4} value={isLocked('consent') ? terms.text : consentText} disabled={isLocked('consent')} aria-describedby={isLocked('consent') ? 'locked-consent' : undefined} onChange={(e) => setConsentText(e.target.value)} />
          {isLocked('consent') && <LockedNote id="locked-consent" />}
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={isLocked('duplicateCheck') ? settings.duplicateCheck !== false : duplicateCheck} disabled={isLocked('duplicateCheck')} aria-describedby={isLocked('duplicateCheck') ? 'locked-duplicateCheck' : undefined} onChange={(e) => setDuplicateCheck(e.target.checked)} />
            Check the collection for the same face before enrolling
          </label>
          {isLocked('duplicateCheck') && <LockedNote id="locked-duplicateCheck" />}
        </div>
        <button type="submit" className="button">Save settings</button>
        {saved && <p role="status">Settings saved.</p>}
        {error !== null && (
          <p className="banner--error" role="alert">
            {describeError(error)}
          </p>
        )}
      </form>
      <h3>Set by IT</h3>
      <ReadOnlySettings settings={settings} locked={locked} allowedServers={policy?.allowedServers ?? null} sandboxAvailable={sandboxAvailable} />
    </section>
  );
}
