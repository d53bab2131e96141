import { z } from 'zod';
import type { CollectionSummary } from '../../../shared/domain/collections.js';
import { iteratePages } from '../../oz/paging.js';
import { ozPaths, OzResponseFormatError, type OzClient } from '../../oz/index.js';

// The typed client drops `persons_count` (Oz documents none); read it here when a server sends it.
const wireCollection = z
  .object({
    collection_id: z.union([z.string(), z.number()]).transform(String),
    alias: z.string().nullish(),
    company_id: z.union([z.string(), z.number()]).transform(String).nullish(),
    time_created: z.number().nullish(),
    persons_count: z.number().int().nullish(),
  })
  .passthrough();
const wirePage = z.union([
  z.array(wireCollection).transform((items) => ({ items, total: null })),
  z.object({ items: z.array(wireCollection), total: z.number().nullish() }).transform((p) => ({ items: p.items, total: p.total ?? null })),
]);

/** Every collection the signed-in user may see, with its person count when the server gives one (see PersonCounts otherwise). */
export async function listCollections(client: OzClient, companyName: (companyId: string) => string | null): Promise<readonly CollectionSummary[]> {
  const out: CollectionSummary[] = [];
  const pages = iteratePages(async (limit, offset) => {
    const res = await client.request({ method: 'GET', path: ozPaths.collections(), query: { limit, offset } });
    const parsed = wirePage.safeParse(res.body);
    if (!parsed.success) throw new OzResponseFormatError(ozPaths.collections(), parsed.error.issues[0]?.message ?? 'invalid body');
    return parsed.data;
  }, { pageSize: 200, idOf: (c) => c.collection_id });
  for await (const c of pages) {
    const companyId = c.company_id ?? null;
    out.push({
      collectionId: c.collection_id,
      alias: c.alias ?? '',
      companyId,
      companyName: companyId === null ? null : companyName(companyId),
      timeCreated: c.time_created ?? null,
      personsCount: c.persons_count ?? null,
    });
  }
  return out;
}
