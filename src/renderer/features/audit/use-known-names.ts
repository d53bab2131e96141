import { useMemo } from 'react';
import { useAppStore } from '../../store/store-context.js';
import { displayName } from '../collections/format.js';
import type { TargetKey } from './action-labels.js';

/**
 * Names for ids the desk already holds in memory (collection aliases, persons seen in lists
 * or opened). The log itself keeps ids only; names are looked up when shown.
 */
export function useKnownNames(): (key: TargetKey, id: string) => string | null {
  const collections = useAppStore((s) => s.collections);
  const pages = useAppStore((s) => s.personPages);
  const search = useAppStore((s) => s.personsSearch);
  const detail = useAppStore((s) => s.detail);
  return useMemo(() => {
    const aliases = new Map(collections.map((c) => [c.collectionId, c.alias]));
    const people = new Map<string, string>();
    for (const person of [...Object.values(pages).flat(), ...(search?.items ?? [])]) people.set(person.personId, displayName(person.name));
    if (detail !== null) people.set(detail.person.personId, displayName(detail.person.name));
    return (key, id) => (key === 'collectionId' ? aliases.get(id) : key === 'personId' ? people.get(id) : undefined) ?? null;
  }, [collections, pages, search, detail]);
}
