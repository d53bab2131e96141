import { useEffect } from 'react';
import { describeError } from '../../ipc/describe-error.js';
import { selectAuditHasNext, selectAuditHasPrevious, selectAuditPageLabel } from '../../store/slices/audit/selectors.js';
import { AUDIT_PAGE_SIZE } from '../../store/slices/audit/state.js';
import { useAppStore } from '../../store/store-context.js';
import { AuditExport } from './AuditExport.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditTable } from './AuditTable.js';
import { ChainStatus } from './ChainStatus.js';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { useTranslation } from 'react-i18next';

/** Who did what, when, from this desk: the hash-chained log, its filters, status and export. */
export function AuditScreen() {
  const entries = useAppStore((s) => s.auditEntries);
  const loading = useAppStore((s) => s.auditLoading);
  const error = useAppStore((s) => s.auditError);
  const offset = useAppStore((s) => s.auditOffset);
  const pageLabel = useAppStore(selectAuditPageLabel);
  const hasPrevious = useAppStore(selectAuditHasPrevious);
  const hasNext = useAppStore(selectAuditHasNext);
  const load = useAppStore((s) => s.loadAudit);
  const verify = useAppStore((s) => s.verifyAudit);
  const { t } = useTranslation();

  useEffect(() => {
    void load(0);
    void verify();
  }, [load, verify]);

  return (
    <div className="audit page">
      <div className="toolbar">
        <ScreenHeading>{t('audit.title')}</ScreenHeading>
        <button type="button" className="button button--secondary" disabled={loading} onClick={() => void load(offset)}>
          {t('common.refresh')}
        </button>
      </div>
      <div className="audit__top">
        <ChainStatus />
        <AuditExport />
      </div>
      <AuditFilterForm />
      {error !== null && (
        <p className="banner--error" role="alert">
          {describeError(error)}
        </p>
      )}
      {loading && entries.length === 0 && <p role="status">{t('audit.loading')}</p>}
      {!loading && entries.length === 0 && error === null && <p className="audit-hint">{t('audit.noMatch')}</p>}
      {entries.length > 0 && <AuditTable entries={entries} />}
      {pageLabel !== null && (
        <nav className="audit__pager" aria-label={t('audit.pages')}>
          <button type="button" className="button button--secondary" disabled={!hasPrevious || loading} onClick={() => void load(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
            {t('audit.newer')}
          </button>
          <span>{pageLabel}</span>
          <button type="button" className="button button--secondary" disabled={!hasNext || loading} onClick={() => void load(offset + AUDIT_PAGE_SIZE)}>
            {t('audit.older')}
          </button>
        </nav>
      )}
    </div>
  );
}
