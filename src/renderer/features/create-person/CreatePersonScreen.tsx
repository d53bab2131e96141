import { useEffect, useState, type FormEvent } from 'react';
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
 */
export function CreatePersonScreen({ collectionId }: { readonly collectionId: string }) {
  const alias = useAppStore(selectCollectionAlias(collectionId));
  const busy = useAppStore((s) => s.createBusy);
  const error = useAppStore((s) => s.createError);
  const createPerson = useAppStore((s) => s.createPerson);
  const terms = useAppStore((s) => s.consentTerms);
  const loadConsent = useAppStore((s) => s.loadCreateConsent);
  const show = useAppStore((s) => s.showCollectionsView);
  const picker = usePhotoPicker();
  const [first, setFirst] = useState('');
  const [middle, setMiddle] = useState('');
  const [last, setLast] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => void loadConsent(), [loadConsent]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const nameProblem = first.trim() === '' && last.trim() === '' ? 'Enter a first or last name.' : null;
    const consentProblem = consent ? null : 'Confirm that the person agreed to the consent text.';
    const next = nameProblem ?? photosProblem(picker.photos) ?? consentProblem;
    setProblem(next);
    if (next !== null) return;
    const created = await createPerson(collectionId, { first: first.trim(), middle: middle.trim(), last: last.trim() }, toUploads(picker.photos), consent);
    if (created?.status === 'enrolled') show({ kind: 'person', collectionId, personId: created.personId });
    // Queued: the persons list says so and shows the person once the queue has sent it.
    if (created?.status === 'queued') show({ kind: 'persons', collectionId });
  };

  return (
    <form className="card create-person" aria-label="New person" onSubmit={(e) => void submit(e)}>
      <div className="toolbar">
        <button type="button" className="button button--quiet" onClick={() => show({ kind: 'persons', collectionId })}>
          ← Persons in {alias}
        </button>
        <h2>New person in {alias}</h2>
      </div>
      <div className="create-person__names">
        <TextField id="person-first" label="First name" value={first} onChange={setFirst} autoComplete="off" />
        <TextField id="person-middle" label="Middle name" value={middle} onChange={setMiddle} autoComplete="off" />
        <TextField id="person-last" label="Last name" value={last} onChange={setLast} autoComplete="off" />
      </div>
      <PhotoChooser label="Photos (JPEG or PNG)" photos={picker.photos} onFiles={(f) => void picker.addFiles(f)} onTags={picker.setTags} onRemove={picker.remove} />
      <ConsentCheck id="create-person-consent" terms={terms} checked={consent} onChange={setConsent} who="the person" />
      {problem !== null && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || terms === null}>
          {busy ? 'Saving…' : 'Create person'}
        </button>
      </div>
    </form>
  );
}
