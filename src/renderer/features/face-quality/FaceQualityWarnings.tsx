import { useTranslation } from 'react-i18next';
import type { FaceGuidanceState } from './use-face-guidance.js';

/** Beside the capture buttons: what is wrong with the current picture; capturing anyway stays possible. */
export function FaceQualityWarnings({ guidance }: { readonly guidance: FaceGuidanceState }) {
  const { t } = useTranslation();
  if (guidance.status !== 'running' || guidance.issues.length === 0) return null;
  return (
    <div className="face-warnings">
      <p className="face-warnings__title">{t('webcam.warningsTitle')}</p>
      <ul aria-label={t('webcam.warnings')}>
        {guidance.issues.map((issue) => (
          <li key={issue.code}>{issue.message}</li>
        ))}
      </ul>
    </div>
  );
}
