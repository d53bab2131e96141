import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkPages, iteratePages } from './paging.js';
import type { Page } from './types.js';

interface Item {
  readonly id: string;
}

interface ServerSpec {
  readonly size: number;
  readonly honoursOffset: boolean;
  readonly honoursLimit: boolean;
  readonly total: 'right' | 'missing' | 'too-big' | 'too-small';
  readonly repeatEvery: number;
}

/** How a server may treat offset/limit/total: honestly, or any way a broken one might. */
const serverArb: fc.Arbitrary<ServerSpec> = fc.record({
  size: fc.integer({ min: 0, max: 60 }),
  honoursOffset: fc.boolean(),
  honoursLimit: fc.boolean(),
  total: fc.constantFrom('right' as const, 'missing' as const, 'too-big' as const, 'too-small' as const),
  repeatEvery: fc.integer({ min: 0, max: 5 }),
});

function serverOf(spec: ServerSpec) {
  const all: Item[] = Array.from({ length: spec.size }, (_, i) => ({ id: `p${i}` }));
  let calls = 0;
  const fetchPage = async (limit: number, offset: number): Promise<Page<Item>> => {
    calls += 1;
    const start = spec.honoursOffset ? offset : 0;
    let items = spec.honoursLimit ? all.slice(start, start + limit) : all.slice(start);
    // Some servers repeat an item of the previous page (e.g. after a concurrent delete).
    if (spec.repeatEvery > 0 && calls % spec.repeatEvery === 0 && offset > 0 && all[offset - 1]) items = [all[offset - 1] as Item, ...items.slice(0, -1)];
    const total = { right: spec.size, missing: null, 'too-big': spec.size * 10 + 5, 'too-small': Math.floor(spec.size / 2) }[spec.total];
    return { items, total };
  };
  return { all, fetchPage, calls: () => calls };
}

describe('walkPages', () => {
  it('always ends, never yields an id twice, and reads an honest server completely', async () => {
    await fc.assert(
      fc.asyncProperty(serverArb, fc.integer({ min: 1, max: 12 }), async (spec, pageSize) => {
        const server = serverOf(spec);
        const ids: string[] = [];
        for await (const item of iteratePages(server.fetchPage, { pageSize, idOf: (i) => i.id, maxPages: 1_000 })) ids.push(item.id);
        expect(new Set(ids).size).toBe(ids.length);
        // No more requests than pages of distinct items, plus the one that shows nothing new.
        expect(server.calls()).toBeLessThanOrEqual(Math.ceil(spec.size / pageSize) + 2);
        const honest = spec.honoursOffset && spec.honoursLimit && spec.repeatEvery === 0 && (spec.total === 'right' || spec.total === 'missing');
        if (honest) expect(ids).toEqual(server.all.map((i) => i.id));
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the hard maximum of pages whatever the server says', async () => {
    let n = 0;
    // Always a full page of new ids and a total that keeps growing: only maxPages ends it.
    const endless = async (limit: number): Promise<Page<Item>> => ({ items: Array.from({ length: limit }, () => ({ id: `x${n++}` })), total: n + 1_000 });
    const pages = [];
    for await (const page of walkPages(endless, { pageSize: 5, idOf: (i) => i.id, maxPages: 7 })) pages.push(page);
    expect(pages).toHaveLength(7);
    expect(pages.at(-1)?.last).toBe(true);
  });
});
