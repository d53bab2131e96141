import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../shared/domain/persons.js';
import { selectCollectionAlias } from '../../store/slices/collections/selectors.js';
import { personAt, selectPersonsFreshness, selectPersonsSearch, selectPersonsTotal } from '../../store/slices/persons/selectors.js';
import { PERSONS_PAGE_SIZE } from '../../store/slices/persons/state.js';
import { useAppStore } from '../../store/store-context.js';
import { ErrorNotice } from '../collections/ErrorNotice.js';
import { FreshnessNote } from '../collections/FreshnessNote.js';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { PendingPersons } from './PendingPersons.js';
import { PersonRow } from './PersonRow.js';
import { SavedNotice } from './SavedNotice.js';

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
  const reloadPersons = useAppStore((s) => s.reloadPersons);
  const lastSync = useAppStore((s) => s.syncStatus?.lastSuccessfulSyncAt ?? null);
  const seenSync = useRef(lastSync);
  const [query, setQuery] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();

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

  const searchNote = (): string => {
    if (!searching) return total === null ? '…' : t('common.persons', { count: total });
    if (search.complete) return t('persons.found', { count: search.items.length });
    const indexed = indexProgress?.indexed ?? search.indexed;
    const of = indexProgress?.total ?? total;
    return t('persons.foundSoFar', { count: search.items.length, indexed, total: of ?? '?' });
  };
  const emptyText =
    count > 0 || (!searching && total === null) || (searching && !search.complete)
      ? null
      : searching
        ? { title: t('persons.noMatch.title', { query: query.trim() }), next: t('persons.noMatch.next') }
        : { title: t('persons.empty.title'), next: t('persons.empty.next') };

  return (
    <>
      <div className="toolbar">
        <button type="button" className="button button--quiet" onClick={() => show({ kind: 'list' })}>
          {t('persons.back')}
        </button>
        <ScreenHeading>{t('persons.title', { alias })}</ScreenHeading>
        <button type="button" className="button button--primary" onClick={() => show({ kind: 'create-person', collectionId })}>
          {t('persons.add')}
        </button>
      </div>
      <SavedNotice />
      <FreshnessNote freshness={freshness} />
      {error !== null && <ErrorNotice error={error} />}
      <div className="field persons-search">
        <label className="field__label" htmlFor="persons-search">
          {t('persons.search')}
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
          {searchNote()}
        </p>
      </div>
      <PendingPersons collectionId={collectionId} />
      {emptyText !== null && (
        <div className="empty-state" role="note">
          <p className="empty-state__title">{emptyText.title}</p>
          <p>{emptyText.next}</p>
        </div>
      )}
      <div ref={scrollRef} className={count === 0 ? 'persons-list persons-list--empty' : 'persons-list'} {...(count === 0 ? {} : { role: 'list', 'aria-label': t('persons.listName') })}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const person = rowAt(item.index);
            return (
              <PersonRow
                key={item.key}
                index={item.index}
                count={count}
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
