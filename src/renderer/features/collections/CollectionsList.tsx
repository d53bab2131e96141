import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { useFormat } from '../../i18n/format.js';
import { selectCollections, selectCollectionsFreshness, selectOffline } from '../../store/slices/collections/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { CreateCollectionForm } from './CreateCollectionForm.js';
import { DeleteCollectionPanel } from './DeleteCollectionPanel.js';
import { DeletionJobs } from './DeletionJobs.js';
import { ErrorNotice } from './ErrorNotice.js';
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
  const { t } = useTranslation();
  const f = useFormat();

  useEffect(() => {
    void load();
    void loadJobs();
  }, [load, loadJobs]);

  const beingDeleted = new Set(Object.values(jobs).filter((j) => j.phase !== 'done').map((j) => j.collectionId));
  const target = collections.find((c) => c.collectionId === deleting) ?? null;
  const needsServer = offline ? t('common.needsServer') : undefined;

  return (
    <>
      <div className="toolbar">
        <ScreenHeading>{t('collections.title')}</ScreenHeading>
        <button type="button" className="button button--secondary" onClick={() => void load()} disabled={loading}>
          {loading ? t('common.refreshing') : t('common.refresh')}
        </button>
      </div>
      <FreshnessNote freshness={freshness} />
      {error !== null && <ErrorNotice error={error} />}
      <DeletionJobs offline={offline} />
      {target !== null && <DeleteCollectionPanel collection={target} onClose={() => setDeleting(null)} />}
      {collections.length === 0 && !loading ? (
        <div className="empty-state" role="note">
          <p className="empty-state__title">{t('collections.empty.title')}</p>
          <p>{t('collections.empty.next')}</p>
        </div>
      ) : (
        <table className="data-table" aria-label={t('collections.tableName')}>
          <thead>
            <tr>
              <th scope="col">{t('collections.alias')}</th>
              <th scope="col">{t('collections.company')}</th>
              <th scope="col">{t('collections.created')}</th>
              <th scope="col">{t('collections.persons')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {collections.map((c) => (
              <tr key={c.collectionId}>
                <th scope="row">{c.alias}</th>
                <td>{c.companyName ?? c.companyId ?? '—'}</td>
                <td>{f.dateTime(c.timeCreated === null ? null : c.timeCreated * 1000)}</td>
                <td>{c.personsCount === null ? '—' : f.number(c.personsCount)}</td>
                <td>
                  <div className="data-table__actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('collections.openNamed', { alias: c.alias })}
                      onClick={() => show({ kind: 'persons', collectionId: c.collectionId })}
                    >
                      {t('collections.open')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet-danger"
                      disabled={offline || beingDeleted.has(c.collectionId)}
                      title={needsServer}
                      aria-label={t('collections.deleteNamed', { alias: c.alias })}
                      onClick={() => setDeleting(c.collectionId)}
                    >
                      {t('collections.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateCollectionForm offline={offline} />
    </>
  );
}
