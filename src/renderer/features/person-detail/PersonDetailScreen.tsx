import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { useFormat } from '../../i18n/format.js';
import { selectBlockingAnalyses, selectDetail, selectDetailBusy, selectDetailOffline } from '../../store/slices/person-detail/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from '../collections/ErrorNotice.js';
import { displayName } from '../collections/format.js';
import { FreshnessNote } from '../collections/FreshnessNote.js';
import { AddPhotos } from './AddPhotos.js';
import { BlockingAnalyses } from './BlockingAnalyses.js';
import { DeletePersonConfirm } from './DeletePersonConfirm.js';
import { PhotoCard, photoDeleteButtonId } from './PhotoCard.js';

/** One person: the photos grid, adding and deleting photos, deleting the person. */
export function PersonDetailScreen({ collectionId, personId }: { readonly collectionId: string; readonly personId: string }) {
  const detail = useAppStore(selectDetail);
  const busy = useAppStore(selectDetailBusy);
  const offline = useAppStore(selectDetailOffline);
  const blocking = useAppStore(selectBlockingAnalyses);
  const error = useAppStore((s) => s.detailError);
  const openPerson = useAppStore((s) => s.openPerson);
  const deletePhoto = useAppStore((s) => s.deletePhoto);
  const deletePerson = useAppStore((s) => s.deletePerson);
  const cancelDelete = useAppStore((s) => s.cancelDeletePerson);
  const show = useAppStore((s) => s.showCollectionsView);
  const showToast = useAppStore((s) => s.showToast);
  const [confirmPhoto, setConfirmPhoto] = useState<string | null>(null);
  const [confirmPerson, setConfirmPerson] = useState(false);
  // After a photo is deleted: the next photo's delete button, or the photos heading when none is left.
  const [focusAfterDelete, setFocusAfterDelete] = useState<string | null>(null);
  const photosHeading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const f = useFormat();

  useEffect(() => void openPerson(collectionId, personId), [collectionId, personId, openPerson]);

  const person = detail?.person.personId === personId ? detail.person : null;
  const photos = person === null ? [] : (detail?.photos ?? []);
  const name = person === null ? t('person.thisPerson') : displayName(person.name);

  useEffect(() => {
    if (focusAfterDelete === null || busy) return;
    const next = document.getElementById(photoDeleteButtonId(focusAfterDelete));
    (next ?? photosHeading.current)?.focus();
    setFocusAfterDelete(null);
  }, [focusAfterDelete, busy, detail]);

  const removePhoto = async (index: number) => {
    const gone = photos[index];
    if (gone === undefined) return;
    setConfirmPhoto(null);
    const after = photos[index + 1] ?? photos[index - 1];
    if (!(await deletePhoto(gone.personImageId))) return;
    showToast(t('person.photoDeleted', { photo: t('person.photoTitle', { n: index + 1 }), name }));
    setFocusAfterDelete(after?.personImageId ?? '');
  };
  const removePerson = async (confirmAnalyses: boolean) => {
    const outcome = await deletePerson(confirmAnalyses);
    setConfirmPerson(false);
    if (outcome !== 'deleted') return;
    showToast(t('person.deleted', { name }));
    show({ kind: 'persons', collectionId });
  };

  return (
    <article className="person-detail" aria-label={t('person.articleName', { name })}>
      <div className="toolbar">
        <button type="button" className="button button--quiet" onClick={() => show({ kind: 'persons', collectionId })}>
          {t('person.back')}
        </button>
        <ScreenHeading>{person === null ? t('person.title') : name}</ScreenHeading>
        <button
          type="button"
          className="button button--quiet-danger"
          disabled={busy || offline || person === null}
          title={offline ? t('common.needsServer') : undefined}
          onClick={() => setConfirmPerson(true)}
        >
          {t('person.delete')}
        </button>
      </div>
      {detail !== null && <FreshnessNote freshness={detail} />}
      {error !== null && <ErrorNotice error={error} />}
      {confirmPerson && blocking === null && (
        <DeletePersonConfirm name={name} photoCount={photos.length} busy={busy} onConfirm={() => void removePerson(false)} onCancel={() => setConfirmPerson(false)} />
      )}
      {blocking !== null && <BlockingAnalyses name={name} analyses={blocking} busy={busy} onConfirm={() => void removePerson(true)} onCancel={cancelDelete} />}
      {person !== null && (
        <p className="person-detail__facts">
          {t('person.facts', { created: f.dateTime(person.timeCreated === null ? null : person.timeCreated * 1000), photos: t('common.photos', { count: photos.length }) })}
        </p>
      )}
      {busy && <p role="status">{t('common.working')}</p>}
      <h2 ref={photosHeading} tabIndex={-1} id="photos-title" className="person-detail__photos-title">
        {t('person.photos')}
      </h2>
      <ul className="photo-grid" aria-labelledby="photos-title">
        {photos.map((photo, i) => (
          <PhotoCard
            key={photo.personImageId}
            photo={photo}
            index={i}
            confirming={confirmPhoto === photo.personImageId}
            disabled={busy || offline}
            onAskDelete={() => setConfirmPhoto(photo.personImageId)}
            onCancel={() => setConfirmPhoto(null)}
            onConfirmDelete={() => void removePhoto(i)}
          />
        ))}
      </ul>
      <AddPhotos busy={busy} offline={offline} />
    </article>
  );
}
