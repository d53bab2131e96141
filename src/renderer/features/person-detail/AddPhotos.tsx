import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context.js';
import { PhotoChooser } from '../create-person/PhotoChooser.js';
import { photosProblem, toUploads } from '../create-person/photo-uploads.js';
import { usePhotoPicker } from '../create-person/use-photo-picker.js';

/** Adding photos to a stored person; says so once they are on the server. */
export function AddPhotos({ busy, offline }: { readonly busy: boolean; readonly offline: boolean }) {
  const addPhotos = useAppStore((s) => s.addPhotos);
  const showToast = useAppStore((s) => s.showToast);
  const picker = usePhotoPicker();
  const [attempted, setAttempted] = useState(false);
  const { t } = useTranslation();
  const problem = attempted ? photosProblem(picker.photos) : null;
  const count = picker.photos.length;

  const upload = async () => {
    setAttempted(true);
    if (photosProblem(picker.photos) !== null) return;
    if (!(await addPhotos(toUploads(picker.photos)))) return;
    picker.clear();
    setAttempted(false);
    showToast(t('person.photosAdded', { count }));
  };

  return (
    <section className="card add-photos" aria-labelledby="add-photos-title">
      <h2 id="add-photos-title">{t('person.addPhotos')}</h2>
      <PhotoChooser
        label={t('person.choosePhotos')}
        photos={picker.photos}
        onFiles={(f) => void picker.addFiles(f)}
        onTags={picker.setTags}
        onRemove={picker.remove}
        disabled={offline}
        problem={problem ?? undefined}
      />
      <button
        type="button"
        className="button button--primary"
        disabled={busy || offline || count === 0}
        title={offline ? t('common.needsServer') : undefined}
        onClick={() => void upload()}
      >
        {count === 0 ? t('person.uploadNone') : t('person.upload', { count })}
      </button>
    </section>
  );
}
