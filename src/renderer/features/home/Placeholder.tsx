interface PlaceholderProps {
  readonly title: string;
  readonly text: string;
}

/** A work area whose screen has not been built yet. */
export function Placeholder({ title, text }: PlaceholderProps) {
  return (
    <section className="placeholder" aria-label={title}>
      <h2>{title}</h2>
      <p>{text}</p>
    </section>
  );
}
