import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result.js';
import { adviceFor } from './error-advice.js';

/** A failure in plain words, with the next step; announced to screen readers. */
export function ErrorNotice({ error }: { readonly error: AppError }) {
  const { t } = useTranslation();
  const advice = adviceFor(error);
  return (
    <div className="banner banner--error notice" role="alert">
      <p className="notice__text">{advice.text}</p>
      <p className="notice__next">
        <strong>{t('errors.whatToDo')}</strong> {advice.next}
        {advice.code !== null && <span className="notice__code"> ({advice.code})</span>}
      </p>
    </div>
  );
}
