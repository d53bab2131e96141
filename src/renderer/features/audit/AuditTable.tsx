import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/domain/audit.js';
import { CopyableId } from '../../components/CopyableId.js';
import { useFormat } from '../../i18n/format.js';
import { actionLabel, entryCounts, entryTargets, outcomeLabel } from './action-labels.js';
import { useKnownNames } from './use-known-names.js';

function Outcome({ entry }: { readonly entry: AuditEntry }) {
  return (
    <span className={`outcome outcome--${entry.outcome}`}>
      {outcomeLabel(entry.outcome)}
      {entry.errorCode !== null && <span className="mono"> ({entry.errorCode})</span>}
    </span>
  );
}

/** One row per entry, newest first: the log's ids, shortened with a copy button, and names where the desk knows them. */
export function AuditTable({ entries }: { readonly entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const nameOf = useKnownNames();
  return (
    <table className="data-table audit-table">
      <caption className="visually-hidden">{t('audit.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('audit.table.time')}</th>
          <th scope="col">{t('audit.table.operator')}</th>
          <th scope="col">{t('audit.table.action')}</th>
          <th scope="col">{t('audit.table.targets')}</th>
          <th scope="col">{t('audit.table.outcome')}</th>
          <th scope="col">{t('audit.table.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const counts = entryCounts(e);
          return (
            <tr key={e.seq}>
              <td className="mono">{e.seq}</td>
              <td>
                <time dateTime={new Date(e.at).toISOString()}>{f.dateTime(e.at)}</time>
              </td>
              <td>{e.operator ?? <span className="audit-table__system">{t('audit.table.automatic')}</span>}</td>
              <td>{actionLabel(e.action)}</td>
              <td>
                <ul className="audit-table__targets">
                  {entryTargets(e).map((target) => {
                    const name = nameOf(target.key, target.id);
                    return (
                      <li key={target.key}>
                        {target.kind} {name !== null && <strong className="audit-table__name">{name}</strong>} <CopyableId id={target.id} what={target.kind} />
                      </li>
                    );
                  })}
                </ul>
              </td>
              <td>
                <Outcome entry={e} />
              </td>
              <td>
                {counts !== null && <span>{counts}</span>}
                {e.note !== null && <q className="audit-table__note">{e.note}</q>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
