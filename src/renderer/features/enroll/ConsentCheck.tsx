interface ConsentCheckProps {
  readonly id: string;
  readonly terms: { readonly version: string; readonly text: string } | null;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** Who consents: "each person" for an import, "the person" at the webcam. */
  readonly who: string;
}

/** The consent text with its version and the operator's confirmation, recorded with every enrollment. */
export function ConsentCheck({ id, terms, checked, onChange, who }: ConsentCheckProps) {
  if (terms === null) return <p className="banner banner--error">The consent text could not be loaded, so nobody can be enrolled.</p>;
  return (
    <div className="consent">
      <p className="consent__text" id={`${id}-text`}>
        {terms.text} <span className="consent__version">(consent text version {terms.version})</span>
      </p>
      <label className="checkbox">
        <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-text`} onChange={(e) => onChange(e.target.checked)} />
        <span>I confirm {who} agreed to this consent text</span>
      </label>
    </div>
  );
}
