import { memo } from 'react';
import type { PersonSummary } from '../../../shared/domain/persons.js';
import { displayName, formatDate, plural } from '../collections/format.js';

interface PersonRowProps {
  readonly index: number;
  readonly top: number;
  readonly height: number;
  readonly person: PersonSummary | undefined;
  /** undefined: not fetched yet; null: no photo. */
  readonly thumbnail: string | null | undefined;
  readonly onOpen: (personId: string) => void;
}

/** One list row; a placeholder until its page arrives. */
export const PersonRow = memo(function PersonRow({ index, top, height, person, thumbnail, onOpen }: PersonRowProps) {
  const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` };
  if (person === undefined) {
    return (
      <div role="listitem" className="person-row person-row--loading" style={style} data-index={index}>
        Loading…
      </div>
    );
  }
  const name = displayName(person.name);
  return (
    <div role="listitem" className="person-row" style={style} data-index={index}>
      {thumbnail ? <img className="person-row__thumb" src={thumbnail} alt={`Photo of ${name}`} /> : <span className="person-row__thumb person-row__thumb--empty" aria-hidden="true" />}
      <button type="button" className="person-row__name" onClick={() => onOpen(person.personId)}>
        {name}
      </button>
      <span className="person-row__photos">{plural(person.photoCount, 'photo')}</span>
      <span className="person-row__date">{formatDate(person.timeCreated)}</span>
    </div>
  );
});
