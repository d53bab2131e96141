import type { Page } from './types.js';

export const DEFAULT_PAGE_SIZE = 100;

/**
 * Walks an offset/limit list to its end. Stops on a short page or the reported total;
 * a server that ignores `limit` (returns more than asked) is read once, not looped.
 */
export async function* iteratePages<T>(
  fetchPage: (limit: number, offset: number) => Promise<Page<T>>,
  pageSize: number = DEFAULT_PAGE_SIZE,
): AsyncGenerator<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be a positive integer');
  let offset = 0;
  for (;;) {
    const page = await fetchPage(pageSize, offset);
    yield* page.items;
    offset += page.items.length;
    const ignoredLimit = page.items.length > pageSize;
    const reachedTotal = page.total !== null && offset >= page.total;
    if (page.items.length < pageSize || ignoredLimit || reachedTotal) return;
  }
}
