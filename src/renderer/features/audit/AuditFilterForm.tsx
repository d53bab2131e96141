import type { FormEvent } from 'react';
import { auditActions, type AuditAction } from '../../../shared/domain/audit.js';
import { useAppStore } from '../../store/store-context.js';
import { actionLabels } from './action-labels.js';

/** Date range, operator, action and target id; applying reloads the first page. */
export function AuditFilterForm() {
  const filters = useAppStore((s) => s.auditFilters);
  const setFilters = useAppStore((s) => s.setAuditFilters);
  const clear = useAppStore((s) => s.clearAuditFilters);
  const load = useAppStore((s) => s.loadAudit);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(0);
  };

  return (
    <form className="card audit-filters" aria-label="Filter the audit log" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor="audit-from">
          From
        </label>
        <input id="audit-from" className="field__input" type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-to">
          To
        </label>
        <input id="audit-to" className="field__input" type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-operator">
          Operator
        </label>
        <input
          id="audit-operator"
          className="field__input"
          type="email"
          placeholder="operator@bank"
          spellCheck={false}
          value={filters.operator}
          onChange={(e) => setFilters({ operator: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-action">
          Action
        </label>
        <select
          id="audit-action"
          className="field__input"
          value={filters.action}
          onChange={(e) => setFilters({ action: e.target.value as AuditAction | '' })}
        >
          <option value="">Any action</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {actionLabels[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-target">
          Target id
        </label>
        <input
          id="audit-target"
          className="field__input mono"
          placeholder="any id"
          spellCheck={false}
          value={filters.target}
          onChange={(e) => setFilters({ target: e.target.value })}
        />
      </div>
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            clear();
            void load(0);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
