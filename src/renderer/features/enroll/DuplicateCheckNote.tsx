import { useTranslation } from 'react-i18next';
import type { DuplicateCheckSummary } from '../../../shared/domain/duplicates.js';

/** The 1:N check's verdict in words, under the dry run's counts; nothing when every face was checked. */
export function DuplicateCheckNote({ summary }: { readonly summary: DuplicateCheckSummary | undefined }) {
  const { t } = useTranslation();
  if (summary === undefined || summary.state === 'done') return null;
  const text = summary.state === 'partial' ? t('enroll.duplicateCheck.partial', { failed: summary.failed, checked: summary.checked }) : t(`enroll.duplicateCheck.${summary.state}`);
  return (
    <p className="dry-run__note dry-run__note--warning" role="note">
      {text}
    </p>
  );
}
