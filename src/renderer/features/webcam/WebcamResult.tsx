import { useTranslation } from 'react-i18next';
import type { PersonResult } from '../../../shared/domain/enroll.js';
import { selectTrackedState } from '../../store/slices/sync/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { useUnsentItems } from '../sync/use-unsent-items.js';

/** The answer to Enroll: saved on the desk while its queue item waits, enrolled once the server has it (live from main). */
export function WebcamResult({ result }: { readonly result: PersonResult }) {
  const { t } = useTranslation();
  useUnsentItems();
  const tracked = useAppStore(selectTrackedState(result.itemId));
  const values = {
    name: [result.name.first, result.name.last].filter((n) => n !== '').join(' '),
    photos: t('common.photos', { count: result.photos.length }),
    tags: result.photos.map((p) => p.tags.map((tag) => t(`tags.${tag}`)).join(', ')).join('; '),
  };
  const arrived = result.status !== 'queued' || tracked === 'arrived';
  if (tracked === 'attention') {
    return (
      <p className="banner banner--error" role="status">
        {t('webcam.result.attention', values)}
      </p>
    );
  }
  return (
    <p className="banner banner--success" role="status">
      {t(arrived ? 'webcam.result.enrolled' : 'webcam.result.saved', values)}
    </p>
  );
}
