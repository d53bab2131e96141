import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CollectionSummary } from '../../../shared/domain/collections.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from './ErrorNotice.js';

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
  const { t } = useTranslation();

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
      <h2 id={titleId}>{t('collections.deletion.title', { alias: collection.alias })}</h2>
      {loading && <p role="status">{t('collections.deletion.counting')}</p>}
      {preview !== null && (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('collections.deletion.lead')}</p>
          <ul className="delete-panel__counts" aria-label={t('collections.deletion.whatGoes')}>
            <li>{t('common.persons', { count: preview.persons })}</li>
            <li>{t('common.photos', { count: preview.photos })}</li>
            <li>{t('collections.deletion.analyses', { count: preview.analyses })}</li>
          </ul>
          <div className="field">
            <label className="field__label" htmlFor="confirm-alias">
              <Trans i18nKey="collections.deletion.typeAlias" values={{ alias: preview.alias }} components={{ strong: <strong /> }} />
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
              {t('collections.deletion.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && (
        <>
          <ErrorNotice error={error} />
          {preview === null && (
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.close')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
