import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedAnalysisView } from '../../../shared/domain/persons.js';
import { CopyableId } from '../../components/CopyableId.js';
import { useFormat } from '../../i18n/format.js';

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
  const { t } = useTranslation();
  const f = useFormat();
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="card delete-panel" role="alertdialog" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id={titleId}>{t('person.blocking.title', { name, analyses: t('common.analyses', { count: analyses.length }) })}</h2>
      <p>{t('person.blocking.why')}</p>
      <table className="data-table" aria-label={t('person.blocking.tableName')}>
        <thead>
          <tr>
            <th scope="col">{t('person.blocking.folder')}</th>
            <th scope="col">{t('person.blocking.date')}</th>
            <th scope="col">{t('person.blocking.match')}</th>
          </tr>
        </thead>
        <tbody>
          {analyses.map((a) => (
            <tr key={a.analysisId}>
              <td>
                <CopyableId id={a.folderId} what={t('person.blocking.folder')} />
              </td>
              <td>{f.dateTime(a.folderCreated === null ? null : a.folderCreated * 1000)}</td>
              <td>{a.confidence === null ? '—' : f.percent(a.confidence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {t('person.blocking.confirm', { name })}
        </button>
        <button type="button" ref={cancelRef} className="button button--secondary" onClick={onCancel}>
          {t('person.blocking.keep')}
        </button>
      </div>
    </div>
  );
}
