import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsentItems } from '../sync/use-unsent-items.js';

/** Enrollments for this collection still on the desk: listed as waiting to sync until the server has them (then the list shows the real person). */
export function PendingPersons({ collectionId }: { readonly collectionId: string }) {
  const unsent = useUnsentItems();
  const { t } = useTranslation();
  const here = useMemo(() => unsent.filter((item) => item.kind === 'createPerson' && item.collectionId === collectionId), [unsent, collectionId]);
  if (here.length === 0) return null;
  return (
    <ul className="pending-persons" aria-label={t('persons.pendingList')}>
      {here.map((item) => {
        const values = { name: item.displayName ?? t('common.noName'), photos: t('common.photos', { count: item.photoCount }) };
        return (
          <li key={item.id} className={item.state === 'quarantined' ? 'pending-persons__item pending-persons__item--alert' : 'pending-persons__item'}>
            {t(item.state === 'quarantined' ? 'persons.pendingAttention' : 'persons.pendingRow', values)}
          </li>
        );
      })}
    </ul>
  );
}
