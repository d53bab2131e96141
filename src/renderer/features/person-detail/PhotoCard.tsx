import { useTranslation } from 'react-i18next';
import type { PhotoInfo } from '../../../shared/domain/persons.js';
import { isOzTag } from '../../../shared/domain/tags.js';
import { useFormat } from '../../i18n/format.js';

interface PhotoCardProps {
  readonly photo: PhotoInfo;
  readonly index: number;
  readonly confirming: boolean;
  readonly disabled: boolean;
  readonly onAskDelete: () => void;
  readonly onConfirmDelete: () => void;
  readonly onCancel: () => void;
}

/** The id of a photo's delete button, where the focus goes when the photo before it is deleted. */
export const photoDeleteButtonId = (personImageId: string): string => `photo-delete-${personImageId}`;

/** One stored photo: thumbnail, tags in words, size; deleting asks first, with "Keep it" focused. */
export function PhotoCard({ photo, index, confirming, disabled, onAskDelete, onConfirmDelete, onCancel }: PhotoCardProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = t('person.photoN', { n: index + 1 });
  return (
    <li className="photo-card" aria-label={t('person.photoTitle', { n: index + 1 })}>
      {photo.thumbnail !== null ? (
        <img className="photo-card__img" src={photo.thumbnail} alt={t('person.storedPhoto', { photo: label })} />
      ) : (
        <div className="photo-card__img photo-card__img--empty">{t('person.noPreviewOffline')}</div>
      )}
      <ul className="tags" aria-label={t('person.tagsOf', { photo: label })}>
        {photo.tags.map((tag) => (
          <li key={tag} className="tag">
            {isOzTag(tag) ? t(`tags.${tag}`) : tag}
          </li>
        ))}
      </ul>
      <p className="photo-card__size">
        {photo.width !== null && photo.height !== null ? t('common.sizePx', { width: photo.width, height: photo.height }) : t('person.sizeUnknown')} ·{' '}
        {f.bytes(photo.bytes)}
      </p>
      {confirming ? (
        <div className="button-row" role="group" aria-label={t('person.confirmDeletePhoto', { photo: label })}>
          <button type="button" className="button button--danger" disabled={disabled} onClick={onConfirmDelete}>
            {t('person.yesDeletePhoto', { photo: label })}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} autoFocus>
            {t('person.keepIt')}
          </button>
        </div>
      ) : (
        <button type="button" id={photoDeleteButtonId(photo.personImageId)} className="button button--quiet-danger" disabled={disabled} onClick={onAskDelete}>
          {t('person.deletePhoto', { photo: label })}
        </button>
      )}
    </li>
  );
}
