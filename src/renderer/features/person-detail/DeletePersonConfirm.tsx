import { useTranslation } from 'react-i18next';

interface DeletePersonConfirmProps {
  readonly name: string;
  readonly photoCount: number;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** "Delete Ada and 2 photos?": Cancel has the focus, so a stray Enter deletes nothing. */
export function DeletePersonConfirm({ name, photoCount, busy, onConfirm, onCancel }: DeletePersonConfirmProps) {
  const { t } = useTranslation();
  return (
    <div className="card delete-panel" role="alertdialog" aria-label={t('person.deleteNamed', { name })} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p>{t('person.deleteQuestion', { name, photos: t('common.photos', { count: photoCount }) })}</p>
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {t('person.yesDelete', { name })}
        </button>
        <button type="button" className="button button--secondary" autoFocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
