import type { FormEvent } from 'react';
import { auditActions, type AuditAction } from '../../../shared/domain/audit.js';
import { useAppStore } from '../../store/store-context.js';
import { actionLabel } from './action-labels.js';
import { useTranslation } from 'react-i18next';

/** Date range, operator, action and target id; applying reloads the first page. */
export function AuditFilterForm() {
  const filters = useAppStore((s) => s.auditFilters);
  const setFilters = useAppStore((s) => s.setAuditFilters);
  const clear = useAppStore((s) => s.clearAuditFilters);
  const load = useAppStore((s) => s.loadAudit);
  const { t } = useTranslation();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(0);
  };

  return (
    <form className="card audit-filters" aria-label={t('audit.filter.name')} onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor="audit-from">
          {t('audit.filter.from')}
        </label>
        <input id="audit-from" className="field__input" type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-to">
          {t('audit.filter.to')}
        </label>
        <input id="audit-to" className="field__input" type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-operator">
          {t('audit.filter.operator')}
        </label>
        <input
          id="audit-operator"
          className="field__input"
          type="email"
          placeholder={t('audit.filter.operatorPlaceholder')}
          spellCheck={false}
          value={filters.operator}
          onChange={(e) => setFilters({ operator: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-action">
          {t('audit.filter.action')}
        </label>
        <select
          id="audit-action"
          className="field__input"
          value={filters.action}
          onChange={(e) => setFilters({ action: e.target.value as AuditAction | '' })}
        >
          <option value="">{t('audit.filter.anyAction')}</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-target">
          {t('audit.filter.target')}
        </label>
        <input
          id="audit-target"
          className="field__input mono"
          placeholder={t('audit.filter.anyId')}
          spellCheck={false}
          value={filters.target}
          onChange={(e) => setFilters({ target: e.target.value })}
        />
      </div>
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary">
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            clear();
            void load(0);
          }}
        >
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}
