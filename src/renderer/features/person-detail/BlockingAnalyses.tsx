import { useEffect, useId, useRef } from 'react';
import type { RelatedAnalysisView } from '../../../shared/domain/persons.js';
import { formatDate } from '../collections/format.js';

interface BlockingAnalysesProps {
  readonly name: string;
  readonly analyses: readonly RelatedAnalysisView[];
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The server refused the deletion: these COLLECTION analyses matched the person. */
export function BlockingAnalyses({ name, analyses, busy, onConfirm, onCancel }: BlockingAnalysesProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="card delete-panel" role="alertdialog" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3 id={titleId}>{name} is referenced by {analyses.length === 1 ? '1 analysis' : `${analyses.length} analyses`}</h3>
      <p>
        The Oz server keeps the results of collection searches (COLLECTION analyses). While a result names this person, the server refuses to
        delete them, so the record of that search stays consistent. To delete the person, these analyses must be deleted first; their
        results are then gone for good.
      </p>
      <table className="data-table" aria-label="Analyses that matched this person">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Date</th>
            <th scope="col">Match</th>
          </tr>
        </thead>
        <tbody>
          {analyses.map((a) => (
            <tr key={a.analysisId}>
              <td className="mono">{a.folderId}</td>
              <td>{formatDate(a.folderCreated)}</td>
              <td>{a.confidence === null ? '—' : `${Math.round(a.confidence * 100)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          Delete the analyses and {name}
        </button>
        <button type="button" ref={cancelRef} className="button button--secondary" onClick={onCancel}>
          Keep the person
        </button>
      </div>
    </div>
  );
}
