import { useAppStore } from '../../store/store-context.js';
import { useTranslation } from 'react-i18next';

/** Writes the filtered date range to the data folder's exports/ and says where. */
export function AuditExport() {
  const exporting = useAppStore((s) => s.auditExporting);
  const exported = useAppStore((s) => s.auditExported);
  const exportAudit = useAppStore((s) => s.exportAudit);
  const { t } = useTranslation();

  return (
    <section className="card" aria-labelledby="audit-export-title">
      <h2 id="audit-export-title">{t('audit.export.title')}</h2>
      <p className="audit-hint">{t('audit.export.hint')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={exporting} onClick={() => void exportAudit('csv')}>
          {t('audit.export.csv')}
        </button>
        <button type="button" className="button button--secondary" disabled={exporting} onClick={() => void exportAudit('json')}>
          {t('audit.export.json')}
        </button>
      </div>
      <p role="status" className="audit-export__result">
        {exporting && t('audit.export.exporting')}
        {exported !== null && (
          <>
            {t('audit.export.saved', { count: exported.entries })} <span className="mono">{exported.path}</span>
          </>
        )}
      </p>
    </section>
  );
}
