import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../shared/domain/persons.js';
import { useFormat } from '../../i18n/format.js';
import { displayName } from '../collections/format.js';

interface PersonRowProps {
  readonly index: number;
  /** The list's length, for aria-setsize: only visible rows exist in the DOM. */
  readonly count: number;
  readonly top: number;
  readonly height: number;
  readonly person: PersonSummary | undefined;
  /** undefined: not fetched yet; null: no photo. */
  readonly thumbnail: string | null | undefined;
  readonly onOpen: (personId: string) => void;
}

/** One list row; a placeholder until its page arrives. */
export const PersonRow = memo(function PersonRow({ index, count, top, height, person, thumbnail, onOpen }: PersonRowProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const position = { 'aria-setsize': count, 'aria-posinset': index + 1 };
  const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` };
  if (person === undefined) {
    return (
      <div role="listitem" className="person-row person-row--loading" style={style} data-index={index} {...position}>
        {t('common.loading')}
      </div>
    );
  }
  const name = displayName(person.name);
  return (
    <div role="listitem" className="person-row" style={style} data-index={index} {...position}>
      {thumbnail ? <img className="person-row__thumb" src={thumbnail} alt={t('persons.photoOf', { name })} /> : <span className="person-row__thumb person-row__thumb--empty" aria-hidden="true" />}
      <button type="button" className="person-row__name" onClick={() => onOpen(person.personId)}>
        {name}
      </button>
      <span className="person-row__photos">{t('common.photos', { count: person.photoCount })}</span>
      <span className="person-row__date">{f.dateTime(person.timeCreated === null ? null : person.timeCreated * 1000)}</span>
    </div>
  );
});
