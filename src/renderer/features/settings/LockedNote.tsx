import { useTranslation } from 'react-i18next';

/** Shown beside a setting the machine's managed policy sets; `id` ties it to the control. */
export function LockedNote({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="locked-note">
      {t('settings.setByIt')}
    </p>
  );
}
