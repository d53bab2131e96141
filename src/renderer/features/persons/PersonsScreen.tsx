import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { PersonSummary } from '../../../shared/domain/persons.js';
import { selectCollectionAlias } from '../../store/slices/collections/selectors.js';
import { personAt, selectPersonsFreshness, selectPersonsSearch, selectPersonsTotal } from '../../store/slices/persons/selectors.js';
import { PERSONS_PAGE_SIZE } from '../../store/slices/persons/state.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from '../collections/ErrorNotice.js';
import { FreshnessNote } from '../collections/FreshnessNote.js';
import { plural } from '../collections/format.js';
import { PersonRow } from './PersonRow.js';

const ROW_HEIGHT = 64;

/** A collection's persons: a virtualized, paged list (only visible rows exist in the DOM) and a name search. */
export function PersonsScreen({ collectionId }: { readonly collectionId: string }) {
  const alias = useAppStore(selectCollectionAlias(collectionId));
  const total = useAppStore(selectPersonsTotal);
  const freshness = useAppStore(selectPersonsFreshness);
  const search = useAppStore(selectPersonsSearch);
  const error = useAppStore((s) => s.personsError);
  const indexProgress = useAppStore((s) => s.indexProgress);
  const pages = useAppStore((s) => s.personPages);
  const thumbnails = useAppStore((s) => s.thumbnails);
  const openPersons = useAppStore((s) => s.openPersons);
  const ensurePage = useAppStore((s) => s.ensurePersonsPage);
  const requestThumbnails = useAppStore((s) => s.requestThumbnails);
  const searchPersons = useAppStore((s) => s.searchPersons);
  const show = useAppStore((s) => s.showCollectionsView);
  const notice = useAppStore((s) => s.createNotice);
  const dismissNotice = useAppStore((s) => s.dismissCreateNotice);
  const reloadPersons = useAppStore((s) => s.reloadPersons);
  const lastSync = useAppStore((s) => s.syncStatus?.lastSuccessfulSyncAt ?? null);
  const seenSync = useRef(lastSync);
  const [query, setQuery] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => void openPersons(collectionId), [collectionId, openPersons]);
  // The queue sent something (e.g. a person saved on this desk): show the server's list again.
  useEffect(() => {
    if (lastSync === seenSync.current) return;
    seenSync.current = lastSync;
    void reloadPersons();
  }, [lastSync, reloadPersons]);
  useEffect(() => {
    const timer = setTimeout(() => void searchPersons(query), 200);
    return () => clearTimeout(timer);
  }, [query, searchPersons]);

  const searching = search !== null;
  const count = searching ? search.items.length : (total ?? 0);
  const rowAt = (index: number): PersonSummary | undefined =>
    searching ? search.items[index] : personAt(pages, index);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  // Pages and thumbnails only for what is on screen.
  useEffect(() => {
    if (searching || last < 0) return;
    for (let page = Math.floor(first / PERSONS_PAGE_SIZE); page <= Math.floor(last / PERSONS_PAGE_SIZE); page += 1) void ensurePage(page);
  }, [first, last, searching, ensurePage]);
  const visibleIds = items.map((i) => rowAt(i.index)?.personId).filter((id): id is string => id !== undefined);
  const visibleKey = visibleIds.join(',');
  useEffect(() => {
    if (visibleKey === '') return undefined;
    const timer = setTimeout(() => void requestThumbnails(visibleKey.split(',')), 120);
    return () => clearTimeout(timer);
  }, [visibleKey, requestThumbnails]);

  return (
    <>
      <div className="toolbar">
        <button type="button" className="button button--quiet" onClick={() => show({ kind: 'list' })}>
          ← All collections
        </button>
        <h2>Persons in {alias}</h2>
        <button type="button" className="button button--primary" onClick={() => show({ kind: 'create-person', collectionId })}>
          Add person
        </button>
      </div>
      {notice !== null && (
        <div className="create-notice" role="status">
          <span>{notice}</span>
          <button type="button" className="button button--quiet" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      <FreshnessNote freshness={freshness} />
      {error !== null && <ErrorNotice error={error} />}
      <div className="field persons-search">
        <label className="field__label" htmlFor="persons-search">
          Search by name
        </label>
        <input
          id="persons-search"
          className="field__input"
          type="search"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="persons-search-note"
        />
        <p id="persons-search-note" className="field__hint" role="status">
          {searching
            ? `${search.items.length} found${search.complete ? '' : ` so far — indexing the collection on this desk (${indexProgress?.indexed ?? search.indexed} of ${indexProgress?.total ?? total ?? '?'})`}`
            : total === null ? '…' : plural(total, 'person')}
        </p>
      </div>
      <div ref={scrollRef} className="persons-list" role="list" aria-label="Persons" aria-rowcount={count}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const person = rowAt(item.index);
            return (
              <PersonRow
                key={item.key}
                index={item.index}
                top={item.start}
                height={ROW_HEIGHT}
                person={person}
                thumbnail={person === undefined ? undefined : thumbnails[person.personId]}
                onOpen={(personId) => show({ kind: 'person', collectionId, personId })}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}
