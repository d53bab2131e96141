import { Fragment, useState } from 'react';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import { STATE_LABELS, formatTime } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { FixTagsForm } from './FixTagsForm.js';
import { MoveItemForm } from './MoveItemForm.js';

type Open = { readonly itemId: string; readonly what: 'discard' | 'tags' | 'move' } | null;

const nameOf = (item: QueueItemView): string =>
  item.displayName ?? (item.kind === 'addPhotos' ? `photos for person ${item.personId ?? 'being created'}` : `item ${item.id.slice(0, 8)}`);

function reasonOf(item: QueueItemView): string {
  if (item.state === 'quarantined') return item.quarantineReason ?? item.lastError ?? 'Needs attention';
  if (item.state === 'done') return `${item.confirmedPhotoCount} of ${item.photoCount} photos on the server`;
  return item.lastError ?? '';
}

/** Every queued item with its state and why; retry, fix tags or discard what is stuck. */
export function QueueTable({ items }: { readonly items: readonly QueueItemView[] }) {
  const busy = useAppStore((s) => s.queueItemBusy);
  const retry = useAppStore((s) => s.retryQueueItem);
  const discard = useAppStore((s) => s.discardQueueItem);
  const elsewhere = useAppStore((s) => s.queueWhere === 'elsewhere');
  const [open, setOpen] = useState<Open>(null);

  return (
    <table className="data-table sync-table" aria-label="Queued items">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Status</th>
          <th scope="col">Reason</th>
          <th scope="col">Attempts</th>
          <th scope="col">Next try</th>
          <th scope="col">Created</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
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
            <button type="button" className={`button ${item.quarantineCode === 'collection-gone' ? 'button--primary' : 'button--quiet'}`} aria-expanded={isOpen === 'move'} onClick={() => setOpen(isOpen === 'move' ? null : { itemId: item.id, what: 'move' })} aria-label={`Move ${name} to another collection`}>
              Move…
            </button>
          );
          return (
            <Fragment key={item.id}>
              <tr className={`sync-row sync-row--${item.state}`}>
                <th scope="row">
                  {name}
                  <span className="sync-row__photos">
                    {item.photoCount} photo{item.photoCount === 1 ? '' : 's'}
                  </span>
                </th>
                <td>
                  <span className={`sync-state sync-state--${item.state}`}>{STATE_LABELS[item.state]}</span>
                </td>
                <td className="sync-row__reason">{reasonOf(item)}</td>
                <td>{item.attempts}</td>
                <td>{item.state === 'retry_wait' ? formatTime(item.nextAttemptAt) : '—'}</td>
                <td>{formatTime(item.createdAt)}</td>
                <td>
                  <div className="data-table__actions">
                    {item.quarantineCode === 'collection-gone' && moveButton}
                    {stuck && (
                      <button type="button" className="button button--secondary" disabled={busy === item.id} onClick={() => void retry(item.id)} aria-label={`Retry ${name}`}>
                        Retry
                      </button>
                    )}
                    {item.state === 'quarantined' && item.photos.some((p) => !p.confirmed) && (
                      <button type="button" className="button button--quiet" aria-expanded={isOpen === 'tags'} onClick={() => setOpen(isOpen === 'tags' ? null : { itemId: item.id, what: 'tags' })} aria-label={`Fix tags of ${name}`}>
                        Fix tags…
                      </button>
                    )}
                    {item.quarantineCode !== 'collection-gone' && moveButton}
                    {canDiscard && (
                      <button type="button" className="button button--quiet-danger" aria-expanded={isOpen === 'discard'} onClick={() => setOpen({ itemId: item.id, what: 'discard' })} aria-label={`Discard ${name}`}>
                        Discard…
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
                      <div className="sync-confirm" role="group" aria-label={`Confirm discarding ${name}`}>
                        <p>
                          Discard the enrollment of <strong>{name}</strong>? It will never reach the server and its {item.photoCount} photo
                          {item.photoCount === 1 ? '' : 's'} are deleted from this desk.
                        </p>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={busy === item.id}
                            onClick={() => void discard(item.id).then(() => setOpen(null))}
                          >
                            Discard for good
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
                            Keep it
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
