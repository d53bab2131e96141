import { useEffect } from 'react';
import type { ImportOutcome, PersonResult } from '../../../shared/domain/enroll.js';
import { useAppStore } from '../../store/store-context.js';

interface ImportResultsProps {
  readonly results: readonly PersonResult[];
  readonly outcome: ImportOutcome | null;
}

/** Results listed with photos; the rest are counted (thumbnails for 10,000 persons would not help anyone). */
const LISTED = 100;

const STATUS_TEXT: Readonly<Record<PersonResult['status'], string>> = {
  enrolled: 'Enrolled',
  queued: 'Queued (will be sent when online)',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** Each person's outcome, with the photos sent (thumbnail and tags). */
export function ImportResults({ results, outcome }: ImportResultsProps) {
  return (
    <div className="import-results">
      <h4>Results</h4>
      {outcome && (
        <p className="import-results__summary" role="status">
          {outcome.counts.enrolled} enrolled, {outcome.counts.queued} queued, {outcome.counts.failed} failed, {outcome.counts.skipped} skipped ({outcome.counts.photos} photos).
        </p>
      )}
      <ul className="import-results__list" aria-label="Enrollment results">
        {results.slice(0, LISTED).map((r) => (
          <li key={r.key} className={`result result--${r.status}`} aria-label={[r.name.first, r.name.middle, r.name.last].filter((s) => s !== '').join(' ')}>
            <div className="result__head">
              <strong>{[r.name.first, r.name.middle, r.name.last].filter((s) => s !== '').join(' ')}</strong>
              <span className="result__status">{STATUS_TEXT[r.status]}</span>
            </div>
            {r.message && <p className="result__message">{r.message}</p>}
            {r.photos.length > 0 && (
              <ul className="result__photos">
                {r.photos.map((p) => (
                  <li key={p.sha256} className="result__photo">
                    <Thumbnail sha256={p.sha256} alt={`Photo ${p.fileName}`} />
                    <span className="result__tags">{p.tags.join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {results.length > LISTED && <p className="enroll__hint">And {results.length - LISTED} more persons (counted above).</p>}
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
