import type { Page } from './types.js';

export const DEFAULT_PAGE_SIZE = 100;
/** No listing reads more pages than this, whatever the server answers (10,000 × page size items). */
export const MAX_PAGES = 10_000;

export interface PagingOptions<T> {
  readonly pageSize?: number;
  /** The item's id: a page that brings no id not seen before ends the walk. */
  readonly idOf: (item: T) => string;
  readonly maxPages?: number;
}

export interface WalkedPage<T> {
  /** The offset this page was asked for. */
  readonly offset: number;
  /** The page as the server sent it. */
  readonly items: readonly T[];
  /** Only the items no earlier page brought. */
  readonly fresh: readonly T[];
  readonly total: number | null;
  /** No page follows this one. */
  readonly last: boolean;
}

/**
 * Walks an offset/limit list to its end, whatever the server does with `offset`, `limit`
 * or `total`. Ends on an empty or short page, at the reported total, when a page brings no
 * new ids (a server that ignores `offset`), when the server ignored `limit` (it sent
 * everything at once), or after `maxPages`. No walk can run forever.
 */
export async function* walkPages<T>(
  fetchPage: (limit: number, offset: number) => Promise<Page<T>>,
  opts: PagingOptions<T>,
): AsyncGenerator<WalkedPage<T>> {
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be a positive integer');
  const seen = new Set<string>();
  const maxPages = opts.maxPages ?? MAX_PAGES;
  let offset = 0;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchPage(pageSize, offset);
    const fresh = page.items.filter((item) => {
      const id = opts.idOf(item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const next = offset + page.items.length;
    const ignoredLimit = page.items.length > pageSize;
    const reachedTotal = page.total !== null && next >= page.total;
    const last = page.items.length < pageSize || ignoredLimit || reachedTotal || fresh.length === 0 || pages >= maxPages;
    yield { offset, items: page.items, fresh, total: page.total, last };
    if (last) return;
    offset = next;
  }
}

/** Every item of an offset/limit list once (see walkPages for when it ends). */
export async function* iteratePages<T>(
  fetchPage: (limit: number, offset: number) => Promise<Page<T>>,
  opts: PagingOptions<T>,
): AsyncGenerator<T> {
  for await (const page of walkPages(fetchPage, opts)) yield* page.fresh;
}
