import { useEffect } from 'react';
import { QUEUE_ITEM_STATES, type QueueItemState } from '../../../shared/domain/queue.js';
import { describeError } from '../../ipc/describe-error.js';
import { StaleSyncBanner } from '../audit/StaleSyncBanner.js';
import { useAppStore } from '../../store/store-context.js';
import { QueueTable } from './QueueTable.js';
import { CheckCleanupNote } from './CheckCleanupNote.js';
import { SyncOverview } from './SyncOverview.js';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { useTranslation } from 'react-i18next';

const isState = (v: string): v is QueueItemState => (QUEUE_ITEM_STATES as readonly string[]).includes(v);

/** Hands the CSV to the browser as a download (the same in the desktop window and browser mode). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The offline queue: what waits, what is stuck and why, and the controls to send, fix or export it. */
export function SyncScreen() {
  const status = useAppStore((s) => s.syncStatus);
  const items = useAppStore((s) => s.queueItems);
  const filter = useAppStore((s) => s.queueFilter);
  const loading = useAppStore((s) => s.queueLoading);
  const error = useAppStore((s) => s.syncError);
  const loadStatus = useAppStore((s) => s.loadSyncStatus);
  const loadItems = useAppStore((s) => s.loadQueueItems);
  const setFilter = useAppStore((s) => s.setQueueFilter);
  const syncNow = useAppStore((s) => s.syncNow);
  const exportCsv = useAppStore((s) => s.exportQueueCsv);
  const { t } = useTranslation();

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);
  // Every change main reports (an item sent, queued or quarantined) refreshes the table.
  useEffect(() => {
    void loadItems();
  }, [status, loadItems]);

  return (
    <section className="sync page" aria-label={t('sync.title')}>
      <div className="toolbar">
        <ScreenHeading>{t('sync.title')}</ScreenHeading>
        <button type="button" className="button button--primary" aria-busy={status !== null && status.counts.syncing > 0} disabled={status === null || status.pausedReason !== null} onClick={() => void syncNow()}>
          {t('sync.now')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void exportCsv().then((file) => {
              if (file !== null) download(file.fileName, file.csv);
            })
          }
        >
          {t('sync.export')}
        </button>
      </div>
      {error !== null && (
        <p className="banner--error" role="alert">
          {describeError(error)}
        </p>
      )}
      {status !== null && <StaleSyncBanner status={status} />}
      {status === null ? <p role="status">{t('sync.loading')}</p> : <SyncOverview status={status} />}
      <CheckCleanupNote />
      <div className="sync-list">
        <div className="toolbar">
          <h2>{t('sync.items')}</h2>
          <label className="field sync-filter">
            <span className="field__label">{t('sync.show')}</span>
            <select className="field__input" value={filter ?? ''} onChange={(e) => void setFilter(isState(e.target.value) ? e.target.value : null)}>
              <option value="">{t('sync.allItems')}</option>
              {QUEUE_ITEM_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`sync.state.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {items.length > 0 ? (
          <QueueTable items={items} />
        ) : (
          !loading && <p className="sync-empty">{filter === null ? t('sync.empty') : t('sync.emptyFilter')}</p>
        )}
      </div>
    </section>
  );
}
