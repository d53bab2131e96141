import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome, PersonResult } from '../../../shared/domain/enroll.js';
import { useAppStore } from '../../store/store-context.js';

interface ImportResultsProps {
  readonly results: readonly PersonResult[];
  readonly outcome: ImportOutcome | null;
}

/** Results listed with photos; the rest are counted (thumbnails for 10,000 persons would not help anyone). */
const LISTED = 100;

/** Each person's outcome, with the photos sent (thumbnail and tags). */
export function ImportResults({ results, outcome }: ImportResultsProps) {
  const { t } = useTranslation();
  return (
    <div className="import-results">
      <h3>{t('enroll.results.title')}</h3>
      {outcome && (
        <p className="import-results__summary" role="status">
          {t('enroll.results.summary', { ...outcome.counts, photos: t('common.photos', { count: outcome.counts.photos }) })}
        </p>
      )}
      <ul className="import-results__list" aria-label={t('enroll.results.listName')}>
        {results.slice(0, LISTED).map((r) => (
          <li key={r.key} className={`result result--${r.status}`} aria-label={[r.name.first, r.name.middle, r.name.last].filter((s) => s !== '').join(' ')}>
            <div className="result__head">
              <strong>{[r.name.first, r.name.middle, r.name.last].filter((s) => s !== '').join(' ')}</strong>
              <span className="result__status">{t(`enroll.results.status.${r.status}`)}</span>
            </div>
            {r.message && <p className="result__message">{r.message}</p>}
            {r.photos.length > 0 && (
              <ul className="result__photos">
                {r.photos.map((p) => (
                  <li key={p.sha256} className="result__photo">
                    <Thumbnail sha256={p.sha256} alt={t('photos.chosenNamed', { file: p.fileName })} />
                    <span className="result__tags">{p.tags.map((tag) => t(`tags.${tag}`)).join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {results.length > LISTED && <p className="enroll__hint">{t('enroll.results.more', { count: results.length - LISTED })}</p>}
    </div>
  );
}

function Thumbnail({ sha256, alt }: { readonly sha256: string; readonly alt: string }) {
  const src = useAppStore((s) => s.resultThumbnails[sha256]);
  const load = useAppStore((s) => s.loadResultThumbnail);
  useEffect(() => {
    void load(sha256);
  }, [load, sha256]);
  return src === undefined ? <span className="result__thumb result__thumb--empty" aria-label={alt} role="img" /> : <img className="result__thumb" src={src} alt={alt} />;
}
