import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import { CopyableId } from '../../components/CopyableId.js';
import { t } from '../../i18n/index.js';
import { formatTime, stateLabel } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { FixTagsForm } from './FixTagsForm.js';
import { MoveItemForm } from './MoveItemForm.js';

type Open = { readonly itemId: string; readonly what: 'discard' | 'tags' | 'move' } | null;

const nameOf = (item: QueueItemView): string =>
  item.displayName ??
  (item.kind === 'addPhotos' ? t('sync.item.photosFor', { person: item.personId?.slice(0, 8) ?? t('sync.item.beingCreated') }) : t('sync.item.unnamed', { id: item.id.slice(0, 8) }));

function reasonOf(item: QueueItemView): string {
  if (item.state === 'quarantined') return item.quarantineReason ?? item.lastError ?? t('sync.item.needsAttention');
  if (item.state === 'done') return t('sync.item.confirmed', { confirmed: item.confirmedPhotoCount, count: item.photoCount });
  return item.lastError ?? '';
}

/** Long ids in a reason (server UUIDs) are shortened so the column never wraps one character per line. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
function ReasonText({ text }: { readonly text: string }) {
  const ids = text.match(UUID) ?? [];
  const parts = text.split(UUID);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {ids[i] !== undefined && <CopyableId id={ids[i]} what={t('sync.item.id')} />}
        </Fragment>
      ))}
    </>
  );
}

/** Every queued item with its state and why; retry, fix tags or discard what is stuck. */
export function QueueTable({ items }: { readonly items: readonly QueueItemView[] }) {
  const { t } = useTranslation();
  const busy = useAppStore((s) => s.queueItemBusy);
  const retry = useAppStore((s) => s.retryQueueItem);
  const discard = useAppStore((s) => s.discardQueueItem);
  const elsewhere = useAppStore((s) => s.queueWhere === 'elsewhere');
  const [open, setOpen] = useState<Open>(null);

  return (
    <table className="data-table sync-table" aria-label={t('sync.items')}>
      <thead>
        <tr>
          <th scope="col">{t('sync.col.person')}</th>
          <th scope="col">{t('sync.col.status')}</th>
          <th scope="col">{t('sync.col.reason')}</th>
          <th scope="col">{t('sync.col.attempts')}</th>
          <th scope="col">{t('sync.col.nextTry')}</th>
          <th scope="col">{t('sync.col.created')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const name = nameOf(item);
          const stuck = item.state === 'quarantined' || item.state === 'retry_wait';
          const canDiscard = item.state !== 'done' && item.state !== 'syncing';
          const isOpen = open?.itemId === item.id ? open.what : null;
          // An enrollment stuck for its collection or its server can go elsewhere; a deleted collection offers this first.
          const movable = item.kind === 'createPerson' && item.state !== 'done' && item.state !== 'syncing' && item.photos.some((p) => !p.confirmed);
          const moveButton = movable && (stuck || elsewhere) && (
            <button type="button" className={`button ${item.quarantineCode === 'collection-gone' ? 'button--primary' : 'button--quiet'}`} aria-expanded={isOpen === 'move'} onClick={() => setOpen(isOpen === 'move' ? null : { itemId: item.id, what: 'move' })} aria-label={t('sync.moveNamed', { name })}>
              {t('sync.move')}
            </button>
          );
          return (
            <Fragment key={item.id}>
              <tr className={`sync-row sync-row--${item.state}`}>
                <th scope="row">
                  {name}
                  <span className="sync-row__photos">{t('common.photos', { count: item.photoCount })}</span>
                </th>
                <td>
                  <span className={`sync-state sync-state--${item.state}`}>{stateLabel(item.state)}</span>
                </td>
                <td className="sync-row__reason">
                  <ReasonText text={reasonOf(item)} />
                </td>
                <td>{item.attempts}</td>
                <td className="sync-row__time">{item.state === 'retry_wait' ? formatTime(item.nextAttemptAt) : '—'}</td>
                <td className="sync-row__time">{formatTime(item.createdAt)}</td>
                <td>
                  <div className="data-table__actions">
                    {item.quarantineCode === 'collection-gone' && moveButton}
                    {stuck && (
                      <button type="button" className="button button--secondary" disabled={busy === item.id} onClick={() => void retry(item.id)} aria-label={t('sync.retryNamed', { name })}>
                        {t('sync.retry')}
                      </button>
                    )}
                    {item.state === 'quarantined' && item.photos.some((p) => !p.confirmed) && (
                      <button type="button" className="button button--quiet" aria-expanded={isOpen === 'tags'} onClick={() => setOpen(isOpen === 'tags' ? null : { itemId: item.id, what: 'tags' })} aria-label={t('sync.fixTagsNamed', { name })}>
                        {t('sync.fixTags')}
                      </button>
                    )}
                    {item.quarantineCode !== 'collection-gone' && moveButton}
                    {canDiscard && (
                      <button type="button" className="button button--quiet-danger" aria-expanded={isOpen === 'discard'} onClick={() => setOpen({ itemId: item.id, what: 'discard' })} aria-label={t('sync.discardNamed', { name })}>
                        {t('sync.discard')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
              {isOpen !== null && (
                <tr className="sync-row__panel">
                  <td colSpan={7}>
                    {isOpen === 'move' ? (
                      <MoveItemForm item={item} name={name} busy={busy === item.id} onCancel={() => setOpen(null)} onMoved={() => setOpen(null)} />
                    ) : isOpen === 'discard' ? (
                      <div className="sync-confirm" role="group" aria-label={t('sync.confirmDiscard', { name })}>
                        <p>{t('sync.discardQuestion', { name, photos: t('common.photos', { count: item.photoCount }) })}</p>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={busy === item.id}
                            onClick={() => void discard(item.id).then(() => setOpen(null))}
                          >
                            {t('sync.discardForGood')}
                          </button>
                          <button type="button" className="button button--secondary" autoFocus onClick={() => setOpen(null)}>
                            {t('person.keepIt')}
                          </button>
                        </div>
                      </div>
                    ) : (
                      <FixTagsForm
                        item={item}
                        busy={busy === item.id}
                        onCancel={() => setOpen(null)}
                        onSave={(tags) => void retry(item.id, tags).then((ok) => ok && setOpen(null))}
                      />
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
