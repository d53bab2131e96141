import { useId } from 'react';
import { useTranslation } from 'react-i18next';
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
  /** Shown under the input, tied to it. */
  readonly problem?: string | undefined;
}

/** The file input (webcam capture comes with the enrollment screens) and the chosen photos with their tags. */
export function PhotoChooser({ label, photos, onFiles, onTags, onRemove, disabled = false, problem }: PhotoChooserProps) {
  const inputId = useId();
  const { t } = useTranslation();
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
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${inputId}-problem` : undefined}
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {problem && (
        <p id={`${inputId}-problem`} className="field__problem">
          {problem}
        </p>
      )}
      {photos.length > 0 && (
        <ul className="chosen-photos" aria-label={t('photos.chosen')}>
          {photos.map((p) => (
            <ChosenPhotoCard key={p.key} photo={p} onTags={(tags) => onTags(p.key, tags)} onRemove={() => onRemove(p.key)} />
          ))}
        </ul>
      )}
    </div>
  );
}
