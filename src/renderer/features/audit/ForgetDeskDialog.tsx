import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../ipc/describe-error.js';
import { useAppStore } from '../../store/store-context.js';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();

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
        <h2 id={titleId}>{t('forget.title')}</h2>
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('forget.lead')}</p>
          <ul>
            <li>{t('forget.cache')}</li>
            <li>{t('forget.queue')}</li>
            <li>{t('forget.keys')}</li>
          </ul>
          <p>{t('forget.stays')}</p>
          {unsynced === null && <p role="status">{t('forget.checking')}</p>}
          {mustConfirmLoss && (
            <div className="forget-desk__loss" role="alert">
              <p>
                <strong>{t('forget.unsynced', { count: unsynced })}</strong> {t('forget.willBeLost')}
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={lossConfirmed === unsynced} onChange={(e) => setLossConfirmed(e.target.checked ? unsynced : null)} />
                {t('forget.confirmLoss', { count: unsynced })}
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
              {t('forget.confirm')}
            </button>
            <button type="button" ref={cancelRef} className="button button--secondary" disabled={busy} onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
