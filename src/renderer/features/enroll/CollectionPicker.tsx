import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { useAppStore } from '../../store/store-context.js';

/** The collection every enrollment on this screen goes into; a typed id when the list is unavailable. */
export function CollectionPicker() {
  const collections = useAppStore((s) => s.enrollCollections);
  const collectionId = useAppStore((s) => s.enrollCollectionId);
  const setCollection = useAppStore((s) => s.setEnrollCollection);
  const { t } = useTranslation();

  if (collections === null || collections.length === 0) {
    return (
      <div className="enroll__collection">
        <TextField id="enroll-collection-id" label={t('enroll.collectionId')} value={collectionId} onChange={setCollection} />
        <p className="enroll__hint">{collections === null ? t('enroll.collectionListFailed') : t('enroll.noCollection')}</p>
      </div>
    );
  }
  return (
    <div className="field enroll__collection">
      <label className="field__label" htmlFor="enroll-collection">
        {t('enroll.collection')}
      </label>
      <select id="enroll-collection" className="field__input" value={collectionId} onChange={(e) => setCollection(e.target.value)}>
        {collections.map((c) => (
          <option key={c.collectionId} value={c.collectionId}>
            {c.alias}
          </option>
        ))}
      </select>
    </div>
  );
}
