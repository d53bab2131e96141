import type Database from 'better-sqlite3';
import { AppFailure } from '../../core/errors/app-failure.js';
import { toAppError } from '../../core/errors/to-app-error.js';
import type { OzClient } from '../../core/oz/index.js';
import { failureText, isTransient, retryTransient } from '../../core/queue/retry-transient.js';
import { CacheCipher } from '../../core/services/cache/cache-cipher.js';
import { DeskCache } from '../../core/services/cache/desk-cache.js';
import { findCollection } from '../../core/services/enroll/index.js';
import { isUnreachable } from '../sign-in.js';

export interface ImportTarget {
  readonly collectionId: string;
  readonly alias: string;
  readonly created: boolean;
}

export interface WantedCollection {
  readonly alias?: string | undefined;
  readonly company?: string | undefined;
  readonly collectionId?: string | undefined;
  readonly create?: boolean;
}

/** The collection found, and (when the server could not be asked) why the import runs offline. */
export type ResolvedTarget = { readonly target: ImportTarget; readonly offlineReason: string | null } | { readonly error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string): boolean => UUID.test(text);

/**
 * The import's collection: asked of the server (retrying transient errors), else taken from
 * what this desk last saw. Only a definite answer (no such alias, several) is an error.
 */
export async function resolveTarget(
  client: OzClient | null,
  wanted: WantedCollection,
  db: Database.Database,
  opts: { readonly offlineReason: string | null; readonly retryMs: number },
): Promise<ResolvedTarget> {
  if (client === null) return offlineTarget(db, wanted, opts.offlineReason ?? 'the server cannot be reached');
  try {
    return { target: await retryTransient(() => onlineTarget(client, wanted), { budgetMs: opts.retryMs }), offlineReason: null };
  } catch (err) {
    if (!isTransient(err) && !isUnreachable(err)) return { error: toAppError(err).message };
    return offlineTarget(db, wanted, `the collection lookup kept failing for ${Math.round(opts.retryMs / 1000)} s (last: ${failureText(err)})`);
  }
}

async function onlineTarget(client: OzClient, wanted: WantedCollection): Promise<ImportTarget> {
  if (wanted.collectionId === undefined) {
    return findCollection(client, { alias: wanted.alias ?? '', company: wanted.company, create: wanted.create === true });
  }
  const found = (await client.listCollections()).find((c) => c.collectionId === wanted.collectionId);
  if (found === undefined) throw new AppFailure('NOT_FOUND', `No collection ${wanted.collectionId} is visible to this account.`);
  return { collectionId: found.collectionId, alias: found.alias, created: false };
}

/**
 * Without the server: the given id, or the alias among the collections the app last saw
 * (aliases are not sealed, so no cache key is needed).
 */
function offlineTarget(db: Database.Database, wanted: WantedCollection, reason: string): ResolvedTarget {
  const cached = new DeskCache(db, new CacheCipher(null)).collections().collections;
  if (wanted.collectionId !== undefined) {
    const known = cached.find((c) => c.collectionId === wanted.collectionId);
    return { target: { collectionId: wanted.collectionId, alias: known?.alias ?? wanted.alias ?? wanted.collectionId, created: false }, offlineReason: reason };
  }
  const alias = wanted.alias ?? '';
  const company = wanted.company?.toLowerCase();
  const matches = cached.filter((c) => c.alias === alias && (company === undefined || c.companyName?.toLowerCase() === company));
  if (matches.length === 1 && matches[0]) return { target: { collectionId: matches[0].collectionId, alias, created: false }, offlineReason: reason };
  if (matches.length > 1) return { error: `Several collections this desk has seen are called "${alias}": add --company <name> or --collection-id <uuid>.` };
  return {
    error: `Cannot look up the collection: ${reason}, and this desk has not seen a collection "${alias}". Try again later, or pass --collection-id <uuid> to queue the import now.`,
  };
}
