import { useEffect, useState } from 'react';
import { selectBlockingAnalyses, selectDetail, selectDetailBusy, selectDetailOffline } from '../../store/slices/person-detail/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from '../collections/ErrorNotice.js';
import { displayName, formatDate, plural } from '../collections/format.js';
import { FreshnessNote } from '../collections/FreshnessNote.js';
import { PhotoChooser } from '../create-person/PhotoChooser.js';
import { photosProblem, toUploads } from '../create-person/photo-uploads.js';
import { usePhotoPicker } from '../create-person/use-photo-picker.js';
import { BlockingAnalyses } from './BlockingAnalyses.js';
import { PhotoCard } from './PhotoCard.js';

/** One person: the photos grid, adding and deleting photos, deleting the person. */
export function PersonDetailScreen({ collectionId, personId }: { readonly collectionId: string; readonly personId: string }) {
  const detail = useAppStore(selectDetail);
  const busy = useAppStore(selectDetailBusy);
  const offline = useAppStore(selectDetailOffline);
  const blocking = useAppStore(selectBlockingAnalyses);
  const error = useAppStore((s) => s.detailError);
  const openPerson = useAppStore((s) => s.openPerson);
  const addPhotos = useAppStore((s) => s.addPhotos);
  const deletePhoto = useAppStore((s) => s.deletePhoto);
  const deletePerson = useAppStore((s) => s.deletePerson);
  const cancelDelete = useAppStore((s) => s.cancelDeletePerson);
  const show = useAppStore((s) => s.showCollectionsView);
  const picker = usePhotoPicker();
  const [confirmPhoto, setConfirmPhoto] = useState<string | null>(null);
  const [confirmPerson, setConfirmPerson] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => void openPerson(collectionId, personId), [collectionId, personId, openPerson]);

  const back = () => show({ kind: 'persons', collectionId });
  const person = detail?.person.personId === personId ? detail.person : null;
  const name = person === null ? 'this person' : displayName(person.name);
  const offlineTitle = offline ? 'Needs the server' : undefined;

  const upload = async () => {
    const next = photosProblem(picker.photos);
    setProblem(next);
    if (next === null && (await addPhotos(toUploads(picker.photos)))) picker.clear();
  };
  const removePerson = async (confirmAnalyses: boolean) => {
    const outcome = await deletePerson(confirmAnalyses);
    if (outcome === 'deleted') back();
    setConfirmPerson(false);
  };

  return (
    <article className="person-detail" aria-label={`Person ${name}`}>
      <div className="toolbar">
        <button type="button" className="button button--quiet" onClick={back}>
          ← Persons
        </button>
        <h2>{person === null ? 'Person' : name}</h2>
        <button type="button" className="button button--quiet-danger" disabled={busy || offline || person === null} title={offlineTitle} onClick={() => setConfirmPerson(true)}>
          Delete person
        </button>
      </div>
      {detail !== null && <FreshnessNote freshness={detail} />}
      {error !== null && <ErrorNotice error={error} />}
      {confirmPerson && blocking === null && (
        <div className="card delete-panel" role="alertdialog" aria-label={`Delete ${name}`}>
          <p>
            Delete {name} and {plural(detail?.photos.length ?? 0, 'photo')} from this collection? This cannot be undone.
          </p>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={busy} autoFocus onClick={() => void removePerson(false)}>
              Yes, delete {name}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmPerson(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {blocking !== null && (
        <BlockingAnalyses name={name} analyses={blocking} busy={busy} onConfirm={() => void removePerson(true)} onCancel={cancelDelete} />
      )}
      {person !== null && (
        <p className="person-detail__facts">
          Created {formatDate(person.timeCreated)} · {plural(detail?.photos.length ?? 0, 'photo')}
        </p>
      )}
      {busy && <p role="status">Working…</p>}
      <ul className="photo-grid" aria-label="Photos">
        {(person === null ? [] : (detail?.photos ?? [])).map((photo, i) => (
          <PhotoCard
            key={photo.personImageId}
            photo={photo}
            index={i}
            confirming={confirmPhoto === photo.personImageId}
            disabled={busy || offline}
            onAskDelete={() => setConfirmPhoto(photo.personImageId)}
            onCancel={() => setConfirmPhoto(null)}
            onConfirmDelete={() => {
              setConfirmPhoto(null);
              void deletePhoto(photo.personImageId);
            }}
          />
        ))}
      </ul>
      <section className="card add-photos" aria-label="Add photos">
        <h3>Add photos</h3>
        <PhotoChooser
          label="Choose photos to add (JPEG or PNG)"
          photos={picker.photos}
          onFiles={(f) => void picker.addFiles(f)}
          onTags={picker.setTags}
          onRemove={picker.remove}
          disabled={offline}
        />
        {problem !== null && (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        )}
        <button type="button" className="button button--primary" disabled={busy || offline || picker.photos.length === 0} title={offlineTitle} onClick={() => void upload()}>
          Upload {plural(picker.photos.length, 'photo')}
        </button>
      </section>
    </article>
  );
}
