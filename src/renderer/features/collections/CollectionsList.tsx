import { useEffect, useState } from 'react';
import { selectCollections, selectCollectionsFreshness, selectOffline } from '../../store/slices/collections/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { CreateCollectionForm } from './CreateCollectionForm.js';
import { DeleteCollectionPanel } from './DeleteCollectionPanel.js';
import { DeletionJobs } from './DeletionJobs.js';
import { ErrorNotice } from './ErrorNotice.js';
import { formatDate } from './format.js';
import { FreshnessNote } from './FreshnessNote.js';

/** Every collection the operator may see, with create, open and delete. */
export function CollectionsList() {
  const collections = useAppStore(selectCollections);
  const freshness = useAppStore(selectCollectionsFreshness);
  const offline = useAppStore(selectOffline);
  const loading = useAppStore((s) => s.collectionsLoading);
  const error = useAppStore((s) => s.collectionsError);
  const load = useAppStore((s) => s.loadCollections);
  const loadJobs = useAppStore((s) => s.loadDeletionJobs);
  const show = useAppStore((s) => s.showCollectionsView);
  const jobs = useAppStore((s) => s.deletionJobs);
  const [deleting, setDeleting] = useState<string | null>(null);

  useEffect(() => {
    void load();
    void loadJobs();
  }, [load, loadJobs]);

  const beingDeleted = new Set(Object.values(jobs).filter((j) => j.phase !== 'done').map((j) => j.collectionId));
  const target = collections.find((c) => c.collectionId === deleting) ?? null;

  return (
    <>
      <div className="toolbar">
        <h2>Collections</h2>
        <button type="button" className="button button--secondary" onClick={() => void load()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <FreshnessNote freshness={freshness} />
      {error !== null && <ErrorNotice error={error} />}
      <DeletionJobs offline={offline} />
      {target !== null && <DeleteCollectionPanel collection={target} onClose={() => setDeleting(null)} />}
      <table className="data-table" aria-label="Collections list">
        <thead>
          <tr>
            <th scope="col">Alias</th>
            <th scope="col">Company</th>
            <th scope="col">Created</th>
            <th scope="col">Persons</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {collections.map((c) => (
            <tr key={c.collectionId}>
              <th scope="row">{c.alias}</th>
              <td>{c.companyName ?? c.companyId ?? '—'}</td>
              <td>{formatDate(c.timeCreated)}</td>
              <td>{c.personsCount ?? '—'}</td>
              <td>
                <div className="data-table__actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={`Open ${c.alias}`}
                    onClick={() => show({ kind: 'persons', collectionId: c.collectionId })}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="button button--quiet-danger"
                    disabled={offline || beingDeleted.has(c.collectionId)}
                    title={offline ? 'Needs the server' : undefined}
                    aria-label={`Delete ${c.alias}`}
                    onClick={() => setDeleting(c.collectionId)}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
          {collections.length === 0 && !loading && (
            <tr>
              <td colSpan={5}>No collections yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      <CreateCollectionForm offline={offline} />
    </>
  );
}
