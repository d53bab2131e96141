import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentTermsOf } from '../../../shared/domain/consent.js';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectSettings } from '../../store/slices/settings/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { LockedNote } from './LockedNote.js';
import { ReadOnlySettings } from './ReadOnlySettings.js';

/** The desk's settings; what the machine's managed policy sets is shown locked, with why. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useAppStore(selectSettings);
  const showToast = useAppStore((s) => s.showToast);
  const policy = useAppStore((s) => s.policy);
  const error = useAppStore((s) => s.settingsError);
  const save = useAppStore((s) => s.saveSettings);
  const sandboxAvailable = useAppStore((s) => s.appInfo?.localSandboxAvailable ?? false);
  const terms = consentTermsOf(settings ?? {});
  const [deskName, setDeskName] = useState(settings?.deskName ?? '');
  const [consentVersion, setConsentVersion] = useState(terms.version);
  const [consentText, setConsentText] = useState(terms.text);
  const [duplicateCheck, setDuplicateCheck] = useState(settings?.duplicateCheck !== false);
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
    if (await save(patch)) showToast(t('settings.saved'));
  };

  return (
    <section className="settings page" aria-label={t('settings.title')}>
      <ScreenHeading>{t('settings.title')}</ScreenHeading>
      {policy?.file != null && <p className="settings__policy">{t('settings.policyApplies', { file: policy.file })}</p>}
      <form className="settings__form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label className="field__label" htmlFor="settings-desk-name">{t('settings.deskName')}</label>
          <input id="settings-desk-name" className="field__input" value={isLocked('deskName') ? settings.deskName : deskName} disabled={isLocked('deskName')} aria-describedby={isLocked('deskName') ? 'locked-deskName' : undefined} onChange={(e) => setDeskName(e.target.value)} />
          {isLocked('deskName') && <LockedNote id="locked-deskName" />}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="settings-consent-version">{t('settings.consentVersion')}</label>
          <input id="settings-consent-version" className="field__input" value={isLocked('consent') ? terms.version : consentVersion} disabled={isLocked('consent')} aria-describedby={isLocked('consent') ? 'locked-consent' : undefined} onChange={(e) => setConsentVersion(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="settings-consent-text">{t('settings.consentText')}</label>
          <textarea id="settings-consent-text" className="field__input" rows={4} value={isLocked('consent') ? terms.text : consentText} disabled={isLocked('consent')} aria-describedby={isLocked('consent') ? 'locked-consent' : undefined} onChange={(e) => setConsentText(e.target.value)} />
          {isLocked('consent') && <LockedNote id="locked-consent" />}
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={isLocked('duplicateCheck') ? settings.duplicateCheck !== false : duplicateCheck} disabled={isLocked('duplicateCheck')} aria-describedby={isLocked('duplicateCheck') ? 'locked-duplicateCheck' : undefined} onChange={(e) => setDuplicateCheck(e.target.checked)} />
            {t('settings.duplicateCheck')}
          </label>
          {isLocked('duplicateCheck') && <LockedNote id="locked-duplicateCheck" />}
        </div>
        <button type="submit" className="button">
          {t('settings.save')}
        </button>
        {error !== null && (
          <p className="banner--error" role="alert">
            {describeError(error)}
          </p>
        )}
      </form>
      <h2>{t('settings.itTitle')}</h2>
      <ReadOnlySettings settings={settings} locked={locked} allowedServers={policy?.allowedServers ?? null} sandboxAvailable={sandboxAvailable} />
    </section>
  );
}
