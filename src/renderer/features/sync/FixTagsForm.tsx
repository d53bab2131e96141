import { useState } from 'react';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import { ORIENTATION_TAGS, PHOTO_TAGS, isOzTag, type OzTag } from '../../../shared/domain/tags.js';
import { useTranslation } from 'react-i18next';

interface FixTagsFormProps {
  readonly item: QueueItemView;
  readonly busy: boolean;
  onSave(tags: Readonly<Record<string, readonly OzTag[]>>): void;
  onCancel(): void;
}


/** Corrects the tags of a quarantined item's unsent photos, then sends it again. */
export function FixTagsForm({ item, busy, onSave, onCancel }: FixTagsFormProps) {
  const { t } = useTranslation();
  // Queued file names may be content hashes: "Photo 2" reads better at the desk.
  const photoLabel = (i: number): string => t('person.photoTitle', { n: i + 1 });
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
      aria-label={t('sync.fixTagsNamed', { name: item.displayName ?? t('sync.item.thisItem') })}
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
            <p className="fix-tags__was">{t('sync.fix.was', { tags: p.tags.map((tag) => (isOzTag(tag) ? t(`tags.${tag}`) : tag)).join(', ') || t('tags.none') })}</p>
            {PHOTO_TAGS.map((tag) => (
              <label key={tag} className="checkbox">
                <input type="checkbox" checked={current.includes(tag)} onChange={() => toggle(p.sha256, tag)} aria-label={t('sync.fix.tagFor', { tag: t(`tags.${tag}`), photo: label })} />
                <span aria-hidden="true">{t(`tags.${tag}`)}</span>
              </label>
            ))}
            <label className="field">
              <span className="field__label">{t('tags.orientationOf', { photo: label })}</span>
              <select
                className="field__input"
                value={current.find((tag) => (ORIENTATION_TAGS as readonly string[]).includes(tag)) ?? ''}
                onChange={(e) => setOrientation(p.sha256, e.target.value)}
              >
                <option value="">{t('tags.notTagged')}</option>
                {ORIENTATION_TAGS.map((tag) => (
                  <option key={tag} value={tag}>
                    {t(`tags.${tag}`)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        );
      })}
      {empty && <p className="field__problem">{t('sync.fix.needsTag')}</p>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || empty}>
          {t('sync.fix.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
