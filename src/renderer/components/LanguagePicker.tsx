import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageSchema } from '../../shared/domain/language.js';
import { useAppStore } from '../store/store-context.js';

/** The interface language, kept in the desk's settings; until chosen, the OS language applies. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const save = useAppStore((s) => s.saveSettings);
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id} className="language-picker__label">
        {t('common.language')}
      </label>
      <select
        id={id}
        className="field__input language-picker__select"
        value={i18n.resolvedLanguage}
        onChange={(e) => {
          const parsed = languageSchema.safeParse(e.target.value);
          if (parsed.success) void save({ language: parsed.data });
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`common.languageName.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
