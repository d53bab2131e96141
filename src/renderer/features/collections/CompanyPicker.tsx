import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/domain/collections.js';
import { useAppStore } from '../../store/store-context.js';

interface CompanyPickerProps {
  readonly value: Company | null;
  readonly onChange: (company: Company | null) => void;
  readonly disabled: boolean;
  readonly problem?: string | undefined;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
}

/**
 * The server's companies as a combobox: the list opens on focus (all of them, then
 * narrowed as the operator types), reachable with the arrow keys.
 */
export function CompanyPicker({ value, onChange, disabled, problem, inputRef }: CompanyPickerProps) {
  const results = useAppStore((s) => s.companyResults);
  const search = useAppStore((s) => s.searchCompanies);
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { t } = useTranslation();

  // A chosen company shows its name; clearing the choice while typing keeps what was typed.
  useEffect(() => {
    if (value !== null) setText(value.name);
  }, [value]);
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => void search(text === value?.name ? '' : text), 200);
    return () => clearTimeout(timer);
  }, [text, open, search, value]);

  const choose = (company: Company) => {
    onChange(company);
    setText(company.name);
    setOpen(false);
  };
  const expanded = open && results.length > 0;
  const problemId = 'company-search-problem';

  return (
    <div className={problem ? 'field field--invalid company-picker' : 'field company-picker'}>
      <label className="field__label" htmlFor="company-search">
        {t('collections.company')}
      </label>
      <input
        id="company-search"
        ref={inputRef}
        className="field__input"
        role="combobox"
        aria-expanded={expanded}
        aria-controls="company-options"
        aria-autocomplete="list"
        aria-activedescendant={expanded && results[active] ? `company-${results[active].companyId}` : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        autoComplete="off"
        value={text}
        disabled={disabled}
        placeholder={t('collections.form.companyPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value !== null) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            setOpen(true);
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Escape') setOpen(false);
          else if (e.key === 'Enter' && expanded && results[active]) {
            e.preventDefault();
            choose(results[active]);
            return;
          } else return;
          e.preventDefault();
        }}
      />
      {expanded && (
        <ul id="company-options" className="company-picker__options" role="listbox" aria-label={t('collections.form.companies')}>
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
      {problem && (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
