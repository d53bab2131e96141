import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CollectionSummary } from '../../../shared/domain/collections.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from './ErrorNotice.js';
import { plural } from './format.js';

interface DeleteCollectionPanelProps {
  readonly collection: CollectionSummary;
  readonly onClose: () => void;
}

/** First what will go, then the alias typed to confirm; the job then runs in main. */
export function DeleteCollectionPanel({ collection, onClose }: DeleteCollectionPanelProps) {
  const preview = useAppStore((s) => s.deletionPreview);
  const loading = useAppStore((s) => s.deletionPreviewLoading);
  const error = useAppStore((s) => s.deletionError);
  const loadPreview = useAppStore((s) => s.loadDeletionPreview);
  const start = useAppStore((s) => s.startDeletion);
  const clear = useAppStore((s) => s.clearDeletion);
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadPreview(collection.collectionId);
    return clear;
  }, [collection.collectionId, loadPreview, clear]);
  useEffect(() => {
    if (preview !== null) inputRef.current?.focus();
  }, [preview]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await start(collection.collectionId, typed)) onClose();
  };

  return (
    <div className="card delete-panel" role="alertdialog" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 id={titleId}>Delete collection “{collection.alias}”</h3>
      {loading && <p role="status">Counting what will be deleted…</p>}
      {preview !== null && (
        <form onSubmit={(e) => void submit(e)}>
          <p>This permanently deletes:</p>
          <ul className="delete-panel__counts" aria-label="What will be deleted">
            <li>{plural(preview.persons, 'person')}</li>
            <li>{plural(preview.photos, 'photo')}</li>
            <li>
              {preview.analyses} related {preview.analyses === 1 ? 'analysis' : 'analyses'} found (COLLECTION analyses that matched these persons; they block deletion)</li>
          </ul>
          <div className="field">
            <label className="field__label" htmlFor="confirm-alias">
              Type the alias <strong>{preview.alias}</strong> to confirm
            </label>
            <input
              id="confirm-alias"
              ref={inputRef}
              className="field__input"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={typed.trim() !== preview.alias}>
              Delete collection
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error !== null && (
        <>
          <ErrorNotice error={error} />
          {preview === null && (
            <button type="button" className="button button--secondary" onClick={onClose}>
              Close
            </button>
          )}
        </>
      )}
    </div>
  );
}
