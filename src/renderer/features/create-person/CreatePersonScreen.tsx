import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { TextField } from '../../components/TextField.js';
import { selectCollectionAlias } from '../../store/slices/collections/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from '../collections/ErrorNotice.js';
import { ConsentCheck } from '../enroll/ConsentCheck.js';
import { PhotoChooser } from './PhotoChooser.js';
import { photosProblem, toUploads } from './photo-uploads.js';
import { usePhotoPicker } from './use-photo-picker.js';

/**
 * New person: names, at least one tagged photo and the person's consent. Enrolled the way
 * every enrollment is (saved on the desk, sent by the queue), so it works offline too.
 * After a first attempt every problem shows under its own field and goes when fixed.
 */
export function CreatePersonScreen({ collectionId }: { readonly collectionId: string }) {
  const alias = useAppStore(selectCollectionAlias(collectionId));
  const busy = useAppStore((s) => s.createBusy);
  const error = useAppStore((s) => s.createError);
  const createPerson = useAppStore((s) => s.createPerson);
  const terms = useAppStore((s) => s.consentTerms);
  const loadConsent = useAppStore((s) => s.loadCreateConsent);
  const show = useAppStore((s) => s.showCollectionsView);
  const showToast = useAppStore((s) => s.showToast);
  const picker = usePhotoPicker();
  const [first, setFirst] = useState('');
  const [middle, setMiddle] = useState('');
  const [last, setLast] = useState('');
  const [consent, setConsent] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const firstRef = useRef<HTMLInputElement | null>(null);
  const { t } = useTranslation();

  useEffect(() => void loadConsent(), [loadConsent]);

  const problems = {
    name: first.trim() === '' && last.trim() === '' ? t('createPerson.nameMissing') : undefined,
    photos: photosProblem(picker.photos) ?? undefined,
    consent: consent ? undefined : t('createPerson.consentMissing'),
  };
  const shown: Partial<typeof problems> = attempted ? problems : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (problems.name !== undefined || problems.photos !== undefined || problems.consent !== undefined) {
      if (problems.name !== undefined) firstRef.current?.focus();
      return;
    }
    const name = { first: first.trim(), middle: middle.trim(), last: last.trim() };
    const created = await createPerson(collectionId, name, toUploads(picker.photos), consent);
    if (created === null) return;
    if (created.status === 'enrolled') {
      showToast(t('createPerson.enrolledToast', { name: [name.first, name.last].filter((n) => n !== '').join(' ') }));
      show({ kind: 'person', collectionId, personId: created.personId });
    }
    // Queued: the persons list says so (its notice) and shows the person once the queue has sent it.
    else show({ kind: 'persons', collectionId });
  };

  return (
    <form className="card create-person" aria-label={t('createPerson.formName')} noValidate onSubmit={(e) => void submit(e)}>
      <div className="toolbar">
        <button type="button" className="button button--quiet" onClick={() => show({ kind: 'persons', collectionId })}>
          {t('createPerson.back', { alias })}
        </button>
        <ScreenHeading>{t('createPerson.title', { alias })}</ScreenHeading>
      </div>
      <div className="create-person__names">
        <TextField
          id="person-first"
          label={t('person.firstName')}
          value={first}
          onChange={setFirst}
          autoComplete="off"
          problem={shown.name}
          inputRef={(el) => {
            firstRef.current = el;
          }}
        />
        <TextField id="person-middle" label={t('person.middleName')} value={middle} onChange={setMiddle} autoComplete="off" />
        <TextField id="person-last" label={t('person.lastName')} value={last} onChange={setLast} autoComplete="off" />
      </div>
      <PhotoChooser
        label={t('createPerson.photos')}
        photos={picker.photos}
        onFiles={(f) => void picker.addFiles(f)}
        onTags={picker.setTags}
        onRemove={picker.remove}
        problem={shown.photos}
      />
      <ConsentCheck id="create-person-consent" terms={terms} checked={consent} onChange={setConsent} who={t('enroll.consent.whoPerson')} problem={shown.consent} />
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || terms === null}>
          {busy ? t('createPerson.saving') : t('createPerson.submit')}
        </button>
      </div>
    </form>
  );
}
