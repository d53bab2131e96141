import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/domain/collections.js';
import { TextField } from '../../components/TextField.js';
import { useAppStore } from '../../store/store-context.js';
import { CompanyPicker } from './CompanyPicker.js';
import { ErrorNotice } from './ErrorNotice.js';

interface Problems {
  readonly alias?: string;
  readonly company?: string;
}

/** Alias and company; the company last used on this desk is filled in. Every problem shows at once, under its field. */
export function CreateCollectionForm({ offline }: { readonly offline: boolean }) {
  const remembered = useAppStore((s) => s.rememberedCompany);
  const busy = useAppStore((s) => s.createCollectionBusy);
  const error = useAppStore((s) => s.createCollectionError);
  const create = useAppStore((s) => s.createCollection);
  const loadRemembered = useAppStore((s) => s.loadRememberedCompany);
  const showToast = useAppStore((s) => s.showToast);
  const [alias, setAlias] = useState('');
  const [company, setCompany] = useState<Company | null>(null);
  const [attempted, setAttempted] = useState(false);
  const aliasRef = useRef<HTMLInputElement | null>(null);
  const companyRef = useRef<HTMLInputElement | null>(null);
  const { t } = useTranslation();

  useEffect(() => void loadRemembered(), [loadRemembered]);
  useEffect(() => setCompany((c) => c ?? remembered), [remembered]);

  // Problems follow the fields: one goes as soon as its cause does.
  const problems: Problems = attempted
    ? {
        ...(alias.trim() === '' ? { alias: t('collections.form.aliasMissing') } : {}),
        ...(company === null ? { company: t('collections.form.companyMissing') } : {}),
      }
    : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (alias.trim() === '' || company === null) {
      (alias.trim() === '' ? aliasRef : companyRef).current?.focus();
      return;
    }
    const created = alias.trim();
    if (!(await create(created, company))) return;
    setAlias('');
    setAttempted(false);
    showToast(t('collections.form.created', { alias: created }));
  };

  return (
    <form className="card create-collection" aria-labelledby="create-collection-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="create-collection-title">{t('collections.form.title')}</h2>
      <div className="create-collection__fields">
        <TextField
          id="collection-alias"
          label={t('collections.alias')}
          value={alias}
          onChange={setAlias}
          placeholder={t('collections.form.aliasPlaceholder')}
          problem={problems.alias}
          inputRef={(el) => {
            aliasRef.current = el;
          }}
        />
        <CompanyPicker value={company} onChange={setCompany} disabled={offline} problem={problems.company} inputRef={companyRef} />
        <button type="submit" className="button button--primary" disabled={busy || offline} title={offline ? t('common.needsServer') : undefined}>
          {busy ? t('collections.form.creating') : t('collections.form.create')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
