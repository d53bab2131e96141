import { useTranslation } from 'react-i18next';
import { selectTrackedState } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * After the form saved a person on the desk: what happens to them now. The wording follows
 * the queue item (main's state, live) and the notice goes once the server has the person.
 */
export function SavedNotice() {
  const notice = useAppStore((s) => s.createNotice);
  const dismiss = useAppStore((s) => s.dismissCreateNotice);
  const state = useAppStore(selectTrackedState(notice?.itemId ?? null));
  const offline = useAppStore((s) => s.syncStatus?.connectivity === 'offline');
  const { t } = useTranslation();
  if (notice === null || state === 'arrived') return null;
  const text =
    state === 'attention'
      ? t('persons.attentionNotice', { name: notice.name })
      : t(offline ? 'persons.queuedNotice' : 'persons.sendingNotice', { name: notice.name });
  return (
    <div className="create-notice" role="status">
      <span>{text}</span>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
