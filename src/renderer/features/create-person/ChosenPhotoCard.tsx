import { useTranslation } from 'react-i18next';
import type { OzTag } from '../../../shared/domain/tags.js';
import { TagEditor } from '../../components/TagEditor.js';
import type { ChosenPhoto } from './read-photo-file.js';

interface ChosenPhotoCardProps {
  readonly photo: ChosenPhoto;
  readonly onTags: (tags: readonly OzTag[]) => void;
  readonly onRemove: () => void;
}

/** A chosen photo with its tags: selfie, and the orientation main suggested from the oriented size. */
export function ChosenPhotoCard({ photo, onTags, onRemove }: ChosenPhotoCardProps) {
  const { t } = useTranslation();
  const prepared = photo.prepared;
  return (
    <li className="chosen-photo" aria-label={t('photos.chosenNamed', { file: photo.fileName })}>
      <img className="chosen-photo__preview" src={photo.objectUrl} alt={t('photos.previewOf', { file: photo.fileName })} />
      <div className="chosen-photo__body">
        <span className="chosen-photo__name">{photo.fileName}</span>
        {prepared === null && <span role="status">{t('photos.checking')}</span>}
        {prepared?.ok === true && <span className="chosen-photo__size">{t('photos.sizeAfterOrienting', { width: prepared.width, height: prepared.height })}</span>}
        {prepared?.ok === false && (
          <span className="field__problem" role="alert">
            {prepared.message}
          </span>
        )}
        <TagEditor photoName={photo.fileName} tags={photo.tags} onChange={onTags} />
        <button type="button" className="button button--quiet chosen-photo__remove" aria-label={t('photos.removeNamed', { file: photo.fileName })} onClick={onRemove}>
          {t('photos.remove')}
        </button>
      </div>
    </li>
  );
}
