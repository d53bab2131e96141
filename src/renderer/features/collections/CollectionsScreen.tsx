import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/result.js';
import { selectCollectionsView } from '../../store/slices/collections/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { CreatePersonScreen } from '../create-person/CreatePersonScreen.js';
import { PersonDetailScreen } from '../person-detail/PersonDetailScreen.js';
import { PersonsScreen } from '../persons/PersonsScreen.js';
import { CollectionsList } from './CollectionsList.js';

/** The Collections work area: the list, a collection's persons, one person, or the new-person form. */
export function CollectionsScreen() {
  const view = useAppStore(selectCollectionsView);
  const { t } = useTranslation();
  return (
    <section className="collections page" aria-label={t('collections.title')}>
      {(() => {
        switch (view.kind) {
          case 'list':
            return <CollectionsList />;
          case 'persons':
            return <PersonsScreen collectionId={view.collectionId} />;
          case 'person':
            return <PersonDetailScreen collectionId={view.collectionId} personId={view.personId} />;
          case 'create-person':
            return <CreatePersonScreen collectionId={view.collectionId} />;
          default:
            return assertNever(view);
        }
      })()}
    </section>
  );
}
