import type { AuditEntry } from '../../../shared/domain/audit.js';
import { actionLabels, entryCounts, entryTargets, outcomeLabels } from './action-labels.js';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function Outcome({ entry }: { readonly entry: AuditEntry }) {
  const label = outcomeLabels[entry.outcome];
  return (
    <span className={`outcome outcome--${entry.outcome}`}>
      {label}
      {entry.errorCode !== null && <span className="mono"> ({entry.errorCode})</span>}
    </span>
  );
}

/** One row per entry, newest first: ids only, as the log holds them. */
export function AuditTable({ entries }: { readonly entries: readonly AuditEntry[] }) {
  return (
    <table className="data-table audit-table">
      <caption className="visually-hidden">Audit log entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Time</th>
          <th scope="col">Operator</th>
          <th scope="col">Action</th>
          <th scope="col">Targets</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const counts = entryCounts(e);
          return (
            <tr key={e.seq}>
              <td className="mono">{e.seq}</td>
              <td>
                <time dateTime={new Date(e.at).toISOString()}>{timeFormat.format(e.at)}</time>
              </td>
              <td>{e.operator ?? <span className="audit-table__system">desk (automatic)</span>}</td>
              <td>{actionLabels[e.action]}</td>
              <td>
                <ul className="audit-table__targets">
                  {entryTargets(e).map((t) => (
                    <li key={t.kind}>
                      {t.kind} <span className="mono">{t.id}</span>
                    </li>
                  ))}
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
