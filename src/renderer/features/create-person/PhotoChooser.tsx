import { useId } from 'react';
import type { OzTag } from '../../../shared/domain/tags.js';
import { ChosenPhotoCard } from './ChosenPhotoCard.js';
import type { ChosenPhoto } from './read-photo-file.js';

interface PhotoChooserProps {
  readonly label: string;
  readonly photos: readonly ChosenPhoto[];
  readonly onFiles: (files: FileList | null) => void;
  readonly onTags: (key: string, tags: readonly OzTag[]) => void;
  readonly onRemove: (key: string) => void;
  readonly disabled?: boolean;
}

/** The file input (webcam capture comes with the enrollment screens) and the chosen photos with their tags. */
export function PhotoChooser({ label, photos, onFiles, onTags, onRemove, disabled = false }: PhotoChooserProps) {
  const inputId = useId();
  return (
    <div className="photo-chooser">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept="image/jpeg,image/png"
        disabled={disabled}
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {photos.length > 0 && (
        <ul className="chosen-photos" aria-label="Chosen photos">
          {photos.map((p) => (
            <ChosenPhotoCard key={p.key} photo={p} onTags={(tags) => onTags(p.key, tags)} onRemove={() => onRemove(p.key)} />
          ))}
        </ul>
      )}
    </div>
  );
}
