import { useTranslation } from 'react-i18next';
import { selectToasts } from '../store/slices/toasts/selectors.js';
import { useAppStore } from '../store/store-context.js';

/** The live region where finished actions are told; always in the page so screen readers hear each new one. */
export function Toaster() {
  const toasts = useAppStore(selectToasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  const { t } = useTranslation();
  return (
    <div className="toaster" role="status" aria-live="polite" aria-label={t('common.notifications')}>
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span className="toast__text">{toast.text}</span>
          <button type="button" className="button button--quiet toast__close" aria-label={t('common.dismissNamed', { name: toast.text })} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
