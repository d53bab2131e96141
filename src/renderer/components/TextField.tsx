import type { HTMLInputTypeAttribute } from 'react';

interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: HTMLInputTypeAttribute;
  readonly problem?: string | undefined;
  readonly placeholder?: string;
  readonly autoComplete?: string;
  readonly inputMode?: 'url' | 'email' | 'text';
  readonly inputRef?: (element: HTMLInputElement | null) => void;
  /** The id of a <datalist> of suggestions. */
  readonly list?: string;
}

/** A labelled input whose problem is announced and tied to it (aria-describedby). */
export function TextField({ id, label, value, onChange, type = 'text', problem, placeholder, autoComplete, inputMode, inputRef, list }: TextFieldProps) {
  const problemId = `${id}-problem`;
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input"
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        inputMode={inputMode}
        list={list}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
