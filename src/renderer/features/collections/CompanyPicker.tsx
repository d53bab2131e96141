import { useEffect, useState } from 'react';
import type { Company } from '../../../shared/domain/collections.js';
import { useAppStore } from '../../store/store-context.js';

interface CompanyPickerProps {
  readonly value: Company | null;
  readonly onChange: (company: Company | null) => void;
  readonly disabled: boolean;
}

/** Search-as-you-type over the server's companies; a listbox of matches, reachable with the arrow keys. */
export function CompanyPicker({ value, onChange, disabled }: CompanyPickerProps) {
  const results = useAppStore((s) => s.companyResults);
  const search = useAppStore((s) => s.searchCompanies);
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => setText(value?.name ?? ''), [value]);
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => void search(text), 200);
    return () => clearTimeout(timer);
  }, [text, open, search]);

  const choose = (company: Company) => {
    onChange(company);
    setText(company.name);
    setOpen(false);
  };

  return (
    <div className="field company-picker">
      <label className="field__label" htmlFor="company-search">
        Company
      </label>
      <input
        id="company-search"
        className="field__input"
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls="company-options"
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `company-${results[active].companyId}` : undefined}
        autoComplete="off"
        value={text}
        disabled={disabled}
        placeholder="Type part of the company name"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value !== null) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Escape') setOpen(false);
          else if (e.key === 'Enter' && open && results[active]) {
            e.preventDefault();
            choose(results[active]);
            return;
          } else return;
          e.preventDefault();
        }}
      />
      {open && results.length > 0 && (
        <ul id="company-options" className="company-picker__options" role="listbox" aria-label="Companies">
          {results.map((c, i) => (
            <li
              key={c.companyId}
              id={`company-${c.companyId}`}
              role="option"
              aria-selected={i === active}
              className="company-picker__option"
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
            >
              {c.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
