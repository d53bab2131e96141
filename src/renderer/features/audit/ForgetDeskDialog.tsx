import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../ipc/describe-error.js';
import { useAppStore } from '../../store/store-context.js';

interface ForgetDeskDialogProps {
  readonly onClose: () => void;
}

/**
 * "Forget this desk's data": says what goes and what stays; unsynced enrollments need a
 * second confirmation that names their number (asked again if the number changes).
 */
export function ForgetDeskDialog({ onClose }: ForgetDeskDialogProps) {
  const unsynced = useAppStore((s) => s.resetUnsynced);
  const busy = useAppStore((s) => s.resetBusy);
  const error = useAppStore((s) => s.resetError);
  const loadUnsynced = useAppStore((s) => s.loadResetUnsynced);
  const reset = useAppStore((s) => s.resetDesk);
  const clear = useAppStore((s) => s.clearReset);
  const [lossConfirmed, setLossConfirmed] = useState<number | null>(null);
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadUnsynced();
    cancelRef.current?.focus();
    return clear;
  }, [loadUnsynced, clear]);

  const mustConfirmLoss = unsynced !== null && unsynced > 0;
  const ready = unsynced !== null && (!mustConfirmLoss || lossConfirmed === unsynced);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    if (await reset(mustConfirmLoss ? unsynced : undefined)) onClose();
  };

  return (
    <div className="dialog-backdrop">
      <div className="card forget-desk" role="alertdialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
        <h3 id={titleId}>Forget this desk&apos;s data?</h3>
        <form onSubmit={(e) => void submit(e)}>
          <p>This signs you out and removes from this computer:</p>
          <ul>
            <li>the cached collection and person lists,</li>
            <li>the offline queue and any photos waiting in it,</li>
            <li>the saved password and the desk&apos;s encryption keys in the system keychain.</li>
          </ul>
          <p>The audit log stays, and records this reset. Nothing is deleted on the Oz server.</p>
          {unsynced === null && <p role="status">Checking for enrollments not yet sent…</p>}
          {mustConfirmLoss && (
            <div className="forget-desk__loss" role="alert">
              <p>
                <strong>
                  {unsynced} enrollment{unsynced === 1 ? ' has' : 's have'} not reached the server
                </strong>{' '}
                and will be lost. Sync first if you can.
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={lossConfirmed === unsynced} onChange={(e) => setLossConfirmed(e.target.checked ? unsynced : null)} />
                Yes, lose {unsynced} unsynced enrollment{unsynced === 1 ? '' : 's'}
              </label>
            </div>
          )}
          {error !== null && error.code !== 'CONFLICT' && (
            <p className="banner--error" role="alert">
              {describeError(error)}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={!ready || busy}>
              Forget this desk&apos;s data
            </button>
            <button type="button" ref={cancelRef} className="button button--secondary" disabled={busy} onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
