import { useEffect, useState, type FormEvent } from 'react';
import type { Company } from '../../../shared/domain/collections.js';
import { TextField } from '../../components/TextField.js';
import { useAppStore } from '../../store/store-context.js';
import { CompanyPicker } from './CompanyPicker.js';
import { ErrorNotice } from './ErrorNotice.js';

/** Alias and company; the company last used on this desk is filled in. */
export function CreateCollectionForm({ offline }: { readonly offline: boolean }) {
  const remembered = useAppStore((s) => s.rememberedCompany);
  const busy = useAppStore((s) => s.createCollectionBusy);
  const error = useAppStore((s) => s.createCollectionError);
  const create = useAppStore((s) => s.createCollection);
  const loadRemembered = useAppStore((s) => s.loadRememberedCompany);
  const [alias, setAlias] = useState('');
  const [company, setCompany] = useState<Company | null>(null);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => void loadRemembered(), [loadRemembered]);
  useEffect(() => setCompany((c) => c ?? remembered), [remembered]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (alias.trim() === '') return setProblem('Enter an alias.');
    if (company === null) return setProblem('Choose a company from the list.');
    setProblem(undefined);
    if (await create(alias.trim(), company)) setAlias('');
  };

  return (
    <form className="card create-collection" aria-label="New collection" onSubmit={(e) => void submit(e)}>
      <h3>New collection</h3>
      <div className="create-collection__fields">
        <TextField id="collection-alias" label="Alias" value={alias} onChange={setAlias} placeholder="e.g. branch-12-watchlist" />
        <CompanyPicker value={company} onChange={setCompany} disabled={offline} />
        <button type="submit" className="button button--primary" disabled={busy || offline} title={offline ? 'Needs the server' : undefined}>
          {busy ? 'Creating…' : 'Create collection'}
        </button>
      </div>
      {problem !== undefined && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
