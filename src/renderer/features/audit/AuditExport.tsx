import { useAppStore } from '../../store/store-context.js';

/** Writes the filtered date range to the data folder's exports/ and says where. */
export function AuditExport() {
  const exporting = useAppStore((s) => s.auditExporting);
  const exported = useAppStore((s) => s.auditExported);
  const exportAudit = useAppStore((s) => s.exportAudit);

  return (
    <section className="card" aria-labelledby="audit-export-title">
      <h3 id="audit-export-title">Export</h3>
      <p className="audit-hint">The export covers the dates chosen above (all dates when none), with ids only: no names, no photos.</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={exporting} onClick={() => void exportAudit('csv')}>
          Export CSV
        </button>
        <button type="button" className="button button--secondary" disabled={exporting} onClick={() => void exportAudit('json')}>
          Export JSON
        </button>
      </div>
      <p role="status" className="audit-export__result">
        {exporting && 'Exporting…'}
        {exported !== null && (
          <>
            Saved {exported.entries} entries to <span className="mono">{exported.path}</span>
          </>
        )}
      </p>
    </section>
  );
}
