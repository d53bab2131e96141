import { ORIENTATION_TAGS, type OrientationTag, type OzTag } from '../../../shared/domain/tags.js';
import type { ChosenPhoto } from './read-photo-file.js';

interface ChosenPhotoCardProps {
  readonly photo: ChosenPhoto;
  readonly onTags: (tags: readonly OzTag[]) => void;
  readonly onRemove: () => void;
}

const ORIENTATION_LABELS: Readonly<Record<OrientationTag, string>> = {
  orientation_portrait: 'Portrait',
  orientation_landscape: 'Landscape',
};

/** A chosen photo with its tags: selfie, and the orientation main suggested from the oriented size. */
export function ChosenPhotoCard({ photo, onTags, onRemove }: ChosenPhotoCardProps) {
  const selfie = photo.tags.includes('photo_selfie');
  const orientation = photo.tags.find((t): t is OrientationTag => (ORIENTATION_TAGS as readonly string[]).includes(t)) ?? '';
  const update = (nextSelfie: boolean, nextOrientation: OrientationTag | '') =>
    onTags([...(nextSelfie ? (['photo_selfie'] as const) : []), ...(nextOrientation === '' ? [] : [nextOrientation])]);
  const prepared = photo.prepared;
  return (
    <li className="chosen-photo" aria-label={`Photo ${photo.fileName}`}>
      <img className="chosen-photo__preview" src={photo.objectUrl} alt={`Preview of ${photo.fileName}`} />
      <div className="chosen-photo__body">
        <span className="chosen-photo__name">{photo.fileName}</span>
        {prepared === null && <span role="status">Checking the photo…</span>}
        {prepared?.ok === true && (
          <span className="chosen-photo__size">
            {prepared.width} × {prepared.height} px after orienting
          </span>
        )}
        {prepared?.ok === false && (
          <span className="field__problem" role="alert">
            {prepared.message}
          </span>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={selfie} onChange={(e) => update(e.target.checked, orientation)} />
          Selfie (face photo)
        </label>
        <label className="chosen-photo__orientation">
          Orientation of {photo.fileName}
          <select value={orientation} onChange={(e) => update(selfie, e.target.value as OrientationTag | '')}>
            <option value="">Not tagged</option>
            {ORIENTATION_TAGS.map((t) => (
              <option key={t} value={t}>
                {ORIENTATION_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--quiet chosen-photo__remove" aria-label={`Remove ${photo.fileName}`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
