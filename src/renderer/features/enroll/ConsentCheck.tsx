import { useTranslation } from 'react-i18next';

interface ConsentCheckProps {
  readonly id: string;
  readonly terms: { readonly version: string; readonly text: string } | null;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** Who consents: "each person in this import", or "the person" at the webcam and in the form. */
  readonly who: string;
  readonly problem?: string | undefined;
}

/** The consent text with its version and the operator's confirmation, recorded with every enrollment. */
export function ConsentCheck({ id, terms, checked, onChange, who, problem }: ConsentCheckProps) {
  const { t } = useTranslation();
  if (terms === null) return <p className="banner banner--error">{t('enroll.consent.notLoaded')}</p>;
  const described = problem ? `${id}-text ${id}-problem` : `${id}-text`;
  return (
    <div className={problem ? 'consent consent--invalid' : 'consent'}>
      <p className="consent__text" id={`${id}-text`}>
        {terms.text} <span className="consent__version">{t('enroll.consent.version', { version: terms.version })}</span>
      </p>
      <label className="checkbox">
        <input id={id} type="checkbox" checked={checked} aria-describedby={described} aria-invalid={problem ? true : undefined} onChange={(e) => onChange(e.target.checked)} />
        <span>{t('enroll.consent.confirm', { who })}</span>
      </label>
      {problem && (
        <p id={`${id}-problem`} className="field__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
