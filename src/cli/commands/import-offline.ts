import type Database from 'better-sqlite3';
import { toAppError } from '../../core/errors/to-app-error.js';
import type { EnrollmentQueue } from '../../core/queue/index.js';
import { CacheCipher } from '../../core/services/cache/cache-cipher.js';
import { DeskCache } from '../../core/services/cache/desk-cache.js';
import { QueuedEnrollmentSink, type Enrollment, type EnrollmentSink, type SubmitResult } from '../../core/services/enroll/index.js';
import type { SubmitHooks } from '../../core/services/enroll/enrollment-sink.js';

export interface ImportTarget {
  readonly collectionId: string;
  readonly alias: string;
  readonly created: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string): boolean => UUID.test(text);

/** A connection failure or timeout: the work can wait in the queue (bad credentials cannot). */
export function isUnreachable(err: unknown): boolean {
  const { code } = toAppError(err);
  return code === 'NETWORK' || code === 'TIMEOUT';
}

/** Whether the failed request may have reached the server (then the worker reconciles before re-sending). */
function mayHaveArrived(err: unknown): boolean {
  return (toAppError(err).details as { ambiguous?: unknown } | undefined)?.ambiguous !== false;
}

/**
 * The collection of an offline import: the given id, or the alias among the collections the
 * app last saw (aliases are not sealed, so no cache key is needed). A string says what to do.
 */
export function offlineCollection(
  db: Database.Database,
  wanted: { readonly alias?: string | undefined; readonly company?: string | undefined; readonly collectionId?: string | undefined },
): ImportTarget | string {
  const cached = new DeskCache(db, new CacheCipher(null)).collections().collections;
  if (wanted.collectionId !== undefined) {
    const known = cached.find((c) => c.collectionId === wanted.collectionId);
    return { collectionId: wanted.collectionId, alias: known?.alias ?? wanted.alias ?? wanted.collectionId, created: false };
  }
  const alias = wanted.alias ?? '';
  const company = wanted.company?.toLowerCase();
  const matches = cached.filter((c) => c.alias === alias && (company === undefined || c.companyName?.toLowerCase() === company));
  if (matches.length === 1 && matches[0]) return { collectionId: matches[0].collectionId, alias, created: false };
  if (matches.length > 1) return `Several collections this desk has seen are called "${alias}": add --company <name> or --collection-id <uuid>.`;
  return `The Oz server cannot be reached and this desk has not seen a collection "${alias}": run the import once while online (or open the app signed in), or pass --collection-id <uuid>.`;
}

/**
 * Online until the server drops; then the enrollment that failed (less the photos the server
 * confirmed) and every later one go to the offline queue instead of being lost. A request
 * that may have arrived is queued marked in flight, so the worker first looks the person up
 * by enrollment id (or its photos by name) and never enrolls it twice.
 */
export class FallbackEnrollmentSink implements EnrollmentSink {
  #queue: EnrollmentQueue | null = null;

  constructor(
    private readonly online: EnrollmentSink,
    private readonly openQueue: () => Promise<EnrollmentQueue>,
  ) {}

  /** The queue, once the server dropped. */
  get queue(): EnrollmentQueue | null {
    return this.#queue;
  }

  async submit(enrollment: Enrollment, hooks: SubmitHooks = {}): Promise<SubmitResult> {
    if (this.#queue !== null) return new QueuedEnrollmentSink(this.#queue).submit(enrollment);
    let personId: string | null = null;
    const confirmed = new Set<string>();
    try {
      return await this.online.submit(enrollment, {
        ...hooks,
        onConfirmed: (id, hashes) => {
          personId = id;
          for (const h of hashes) confirmed.add(h);
          hooks.onConfirmed?.(id, hashes);
        },
      });
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      this.#queue = await this.openQueue();
      const rest: Enrollment = {
        ...enrollment,
        photos: enrollment.photos.filter((p) => !confirmed.has(p.sha256)),
        ...(personId === null ? {} : { targetPersonId: personId }),
      };
      const queued = await new QueuedEnrollmentSink(this.#queue).submit(rest);
      if (queued.status === 'queued' && mayHaveArrived(err)) this.#queue.markMaybeSent(queued.itemId);
      return queued;
    }
  }
}
