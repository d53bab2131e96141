import { useState } from 'react';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import { ORIENTATION_TAGS, PHOTO_TAGS, isOzTag, type OzTag } from '../../../shared/domain/tags.js';

interface FixTagsFormProps {
  readonly item: QueueItemView;
  readonly busy: boolean;
  onSave(tags: Readonly<Record<string, readonly OzTag[]>>): void;
  onCancel(): void;
}

// Queued file names may be content hashes: "Photo 2" reads better at the desk.
const photoLabel = (i: number): string => `Photo ${i + 1}`;

/** Corrects the tags of a quarantined item's unsent photos, then sends it again. */
export function FixTagsForm({ item, busy, onSave, onCancel }: FixTagsFormProps) {
  const unsent = item.photos.filter((p) => !p.confirmed);
  const [tags, setTags] = useState<Record<string, readonly OzTag[]>>(() =>
    Object.fromEntries(unsent.map((p) => [p.sha256, p.tags.filter(isOzTag)])),
  );
  const toggle = (sha: string, tag: OzTag): void => {
    const current = tags[sha] ?? [];
    setTags({ ...tags, [sha]: current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag] });
  };
  const setOrientation = (sha: string, value: string): void => {
    const kept = (tags[sha] ?? []).filter((t) => !(ORIENTATION_TAGS as readonly string[]).includes(t));
    setTags({ ...tags, [sha]: isOzTag(value) ? [...kept, value] : kept });
  };
  const empty = unsent.some((p) => (tags[p.sha256] ?? []).length === 0);

  return (
    <form
      className="fix-tags"
      aria-label={`Fix tags of ${item.displayName ?? 'this item'}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(tags);
      }}
    >
      {unsent.map((p, i) => {
        const label = photoLabel(i);
        const current = tags[p.sha256] ?? [];
        return (
          <fieldset key={p.sha256} className="fix-tags__photo">
            <legend>{label}</legend>
            <p className="fix-tags__was">Was: {p.tags.join(', ') || 'no tags'}</p>
            {PHOTO_TAGS.map((t) => (
              <label key={t} className="checkbox">
                <input type="checkbox" checked={current.includes(t)} onChange={() => toggle(p.sha256, t)} aria-label={`${t} for ${label}`} />
                {t}
              </label>
            ))}
            <label className="field">
              <span className="field__label">Orientation of {label}</span>
              <select
                className="field__input"
                value={current.find((t) => (ORIENTATION_TAGS as readonly string[]).includes(t)) ?? ''}
                onChange={(e) => setOrientation(p.sha256, e.target.value)}
              >
                <option value="">none</option>
                {ORIENTATION_TAGS.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        );
      })}
      {empty && <p className="field__problem">Every photo needs at least one tag.</p>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || empty}>
          Save tags and retry
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
