import type { PhotoInfo } from '../../../shared/domain/persons.js';
import { formatBytes } from '../collections/format.js';

interface PhotoCardProps {
  readonly photo: PhotoInfo;
  readonly index: number;
  readonly confirming: boolean;
  readonly disabled: boolean;
  readonly onAskDelete: () => void;
  readonly onConfirmDelete: () => void;
  readonly onCancel: () => void;
}

/** One stored photo: thumbnail, tags, size; deleting asks first. */
export function PhotoCard({ photo, index, confirming, disabled, onAskDelete, onConfirmDelete, onCancel }: PhotoCardProps) {
  const label = `photo ${index + 1}`;
  return (
    <li className="photo-card" aria-label={`Photo ${index + 1}`}>
      {photo.thumbnail !== null ? (
        <img className="photo-card__img" src={photo.thumbnail} alt={`Stored ${label}`} />
      ) : (
        <div className="photo-card__img photo-card__img--empty">No preview offline</div>
      )}
      <ul className="tags" aria-label={`Tags of ${label}`}>
        {photo.tags.map((t) => (
          <li key={t} className="tag">
            {t}
          </li>
        ))}
      </ul>
      <p className="photo-card__size">
        {photo.width !== null && photo.height !== null ? `${photo.width} × ${photo.height} px` : 'size unknown'} · {formatBytes(photo.bytes)}
      </p>
      {confirming ? (
        <div className="button-row" role="group" aria-label={`Confirm deleting ${label}`}>
          <button type="button" className="button button--danger" disabled={disabled} onClick={onConfirmDelete} autoFocus>
            Yes, delete {label}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button button--quiet-danger" disabled={disabled} onClick={onAskDelete}>
          Delete {label}
        </button>
      )}
    </li>
  );
}
