import { useTranslation } from 'react-i18next';
import { ORIENTATION_TAGS, isOrientationTag, type OrientationTag, type OzTag } from '../../shared/domain/tags.js';

interface TagEditorProps {
  /** Names the photo in the controls' accessible names, e.g. "face-1.jpg" or "photo 2". */
  readonly photoName: string;
  readonly tags: readonly OzTag[];
  readonly onChange: (tags: readonly OzTag[]) => void;
  readonly disabled?: boolean;
}

/**
 * The one control for a face photo's Oz tags, in words: "Selfie (face photo)" and the
 * orientation. Used by the new-person form, the add-photos form and the webcam.
 */
export function TagEditor({ photoName, tags, onChange, disabled = false }: TagEditorProps) {
  const { t } = useTranslation();
  const selfie = tags.includes('photo_selfie');
  const orientation = tags.find(isOrientationTag) ?? '';
  const others = tags.filter((tag) => tag !== 'photo_selfie' && !isOrientationTag(tag));
  const update = (nextSelfie: boolean, nextOrientation: OrientationTag | '') =>
    onChange([...(nextSelfie ? (['photo_selfie'] as const) : []), ...others, ...(nextOrientation === '' ? [] : [nextOrientation])]);
  return (
    <div className="tag-editor">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={selfie}
          disabled={disabled}
          aria-label={t('tags.selfieFor', { photo: photoName })}
          onChange={(e) => update(e.target.checked, orientation)}
        />
        <span aria-hidden="true">{t('tags.photo_selfie')}</span>
      </label>
      <label className="tag-editor__orientation">
        {t('tags.orientationOf', { photo: photoName })}
        <select value={orientation} disabled={disabled} onChange={(e) => update(selfie, e.target.value as OrientationTag | '')}>
          <option value="">{t('tags.notTagged')}</option>
          {ORIENTATION_TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {t(`tags.${tag}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
