import type Database from 'better-sqlite3';
import { itemRowSchema, photoRowSchema, type ItemRow, type PhotoRow } from './queue-rows.js';
import type { DeskScope } from '../../shared/domain/desk-scope.js';
import type { QuarantineCode, QueueCounts, QueueItemKind, QueueItemState, RetargetInput } from './queue-types.js';
import { scopeFilterSql, type ScopeFilter } from './scope-filter.js';

/** A page of items, optionally of one state or scope, or only those not on the server yet. */
export interface StoreListQuery {
  readonly state?: QueueItemState;
  readonly limit: number;
  readonly offset: number;
  readonly scope?: ScopeFilter;
  /** Every state but done. */
  readonly unsent?: boolean;
}

export interface StoredItem {
  readonly row: ItemRow;
  readonly photos: readonly PhotoRow[];
}

export type ListedItem =
  | { readonly ok: true; readonly item: StoredItem }
  | { readonly ok: false; readonly id: string; readonly reason: string };

export interface NewItem {
  readonly id: string;
  readonly kind: QueueItemKind;
  readonly enrollmentId: string | null;
  readonly dependsOnEnrollmentId: string | null;
  readonly collectionId: string;
  readonly personId: string | null;
  readonly secretEnc: Buffer;
  readonly scope: DeskScope | null;
  readonly photos: readonly { readonly sha256: string; readonly tags: readonly string[]; readonly blobId: string }[];
}

export interface ConfirmedPhoto {
  readonly position: number;
  readonly personImageId: string | null;
}

/**
 * The queue's SQLite rows. Every state change is one transaction; the caller is told
 * of success only after it commits. Rows are validated on load; a row that fails is
 * quarantined with the reason instead of crashing the worker.
 */
export class QueueStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  // Prepared once: the worker runs several statements per item.
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  #prep(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  insert(item: NewItem): void {
    const now = this.#now();
    const insertItem = this.#prep(`INSERT INTO queue_items
      (id, kind, state, enrollment_id, depends_on_enrollment_id, collection_id, person_id, secret_enc, created_at, updated_at, server, account)
      VALUES (?, ?, 'ready', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertPhoto = this.#prep(
      'INSERT INTO queue_photos (item_id, position, sha256, tags, blob_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.#db
      .transaction(() => {
        insertItem.run(
          item.id,
          item.kind,
          item.enrollmentId,
          item.dependsOnEnrollmentId,
          item.collectionId,
          item.personId,
          item.secretEnc,
          now,
          now,
          item.scope?.server ?? null,
          item.scope?.account ?? null,
        );
        item.photos.forEach((p, i) => insertPhoto.run(item.id, i, p.sha256, JSON.stringify(p.tags), p.blobId));
      })
      .immediate();
  }

  findCreateByEnrollment(enrollmentId: string): { readonly id: string; readonly state: string } | null {
    const row = this.#prep("SELECT id, state FROM queue_items WHERE kind = 'createPerson' AND enrollment_id = ?")
      .get(enrollmentId) as { id: string; state: string } | undefined;
    return row ?? null;
  }

  /** Loads and validates one item; an invalid row is quarantined and null returned. */
  load(id: string): StoredItem | null {
    const raw = this.#prep('SELECT * FROM queue_items WHERE id = ?').get(id);
    if (raw === undefined) return null;
    return this.#validate(id, raw);
  }

  /**
   * Moves the oldest runnable item of this server and account to `syncing` and returns it;
   * items made for another scope are never claimed. Items without a scope (queued before
   * the desk kept servers apart) are adopted by the first scope that claims. An add-photos
   * item waits until the enrollment it depends on has a server person id.
   *
   * The same commit marks the item in flight, since its first step may be a mutating
   * request: that saves the worker a commit (an fsync) per item. The returned row shows
   * `in_flight` and `updated_at` as they were before the claim: whether the worker must
   * reconcile, and since when an unresolved send may have been running.
   */
  claimNext(scope: DeskScope | null): StoredItem | null {
    const now = this.#now();
    const pick = this.#prep(`SELECT q.id, q.in_flight, q.updated_at, d.person_id AS dep_person_id FROM queue_items q
      LEFT JOIN queue_items d ON d.kind = 'createPerson' AND d.enrollment_id = q.depends_on_enrollment_id
      WHERE (q.state = 'ready' OR (q.state = 'retry_wait' AND q.next_attempt_at <= ?))
        AND q.server IS ? AND q.account IS ?
        AND (q.depends_on_enrollment_id IS NULL OR q.person_id IS NOT NULL OR d.person_id IS NOT NULL)
      ORDER BY q.seq LIMIT 1`);
    if (scope !== null) this.#prep("UPDATE queue_items SET server = ?, account = ? WHERE server IS NULL AND state != 'done'").run(scope.server, scope.account);
    for (;;) {
      const claimed = this.#db
        .transaction(() => {
          const hit = pick.get(now, scope?.server ?? null, scope?.account ?? null) as { id: string; in_flight: unknown; updated_at: number; dep_person_id: string | null } | undefined;
          if (hit === undefined) return null;
          this.#prep("UPDATE queue_items SET state = 'syncing', in_flight = 1, person_id = COALESCE(person_id, ?), updated_at = ? WHERE id = ?").run(
            hit.dep_person_id,
            now,
            hit.id,
          );
          return hit;
        })
        .immediate();
      if (claimed === null) return null;
      const item = this.load(claimed.id);
      if (item !== null) return { ...item, row: { ...item.row, in_flight: claimed.in_flight === 1 ? 1 : 0, updated_at: claimed.updated_at } };
    }
  }

  /** Earliest time a waiting item becomes runnable, or null when none waits. */
  nextWakeAt(scope: DeskScope | null): number | null {
    // Exactly the items claimNext(scope) may take.
    const row = this.#prep(`SELECT MIN(next_attempt_at) AS t FROM queue_items WHERE state = 'retry_wait'
        AND (server IS NULL OR (server = ? AND account = ?))`)
      .get(scope?.server ?? null, scope?.account ?? null) as { t: number | null };
    return row.t;
  }

  /** An explicit "sync now" skips the desk's back-off, not a wait the server asked for (not_before). */
  makeWaitingDue(): void {
    this.#prep("UPDATE queue_items SET next_attempt_at = MAX(?, not_before) WHERE state = 'retry_wait'").run(this.#now());
  }

  /** Marks that a mutating request may reach the server; set before it is sent. */
  setInFlight(id: string, inFlight: boolean): void {
    this.#prep('UPDATE queue_items SET in_flight = ?, updated_at = ? WHERE id = ?').run(inFlight ? 1 : 0, this.#now(), id);
  }

  /**
   * Records the server person and the photos it confirmed; returns blob ids now safe to
   * delete. `stillInFlight` keeps the reconcile mark (a person adopted, photos unchecked);
   * `done` finishes the item in the same transaction.
   */
  confirm(
    id: string,
    personId: string,
    photos: readonly ConfirmedPhoto[],
    next: { readonly stillInFlight?: boolean; readonly done?: boolean } = {},
  ): readonly string[] {
    const now = this.#now();
    return this.#db
      .transaction(() => {
        this.#prep(`UPDATE queue_items SET person_id = ?, in_flight = ?, updated_at = ?,
            state = CASE WHEN ? THEN 'done' ELSE state END, done_at = CASE WHEN ? THEN ? ELSE done_at END,
            last_error = CASE WHEN ? THEN NULL ELSE last_error END WHERE id = ?`)
          .run(personId, next.stillInFlight === true ? 1 : 0, now, next.done === true ? 1 : 0, next.done === true ? 1 : 0, now, next.done === true ? 1 : 0, id);
        // Dependants (add-photos to this enrollment) learn their person here.
        this.#prep(`UPDATE queue_items SET person_id = ? WHERE person_id IS NULL AND kind = 'addPhotos'
            AND depends_on_enrollment_id = (SELECT enrollment_id FROM queue_items WHERE id = ? AND kind = 'createPerson')`)
          .run(personId, id);
        const blobs: string[] = [];
        const get = this.#prep('SELECT blob_id FROM queue_photos WHERE item_id = ? AND position = ?');
        const set = this.#prep(
          'UPDATE queue_photos SET confirmed = 1, blob_id = NULL, person_image_id = COALESCE(?, person_image_id) WHERE item_id = ? AND position = ?',
        );
        for (const p of photos) {
          const row = get.get(id, p.position) as { blob_id: string | null } | undefined;
          if (row?.blob_id) blobs.push(row.blob_id);
          set.run(p.personImageId, id, p.position);
        }
        return blobs;
      })
      .immediate();
  }

  markDone(id: string): void {
    const now = this.#now();
    this.#prep(
        "UPDATE queue_items SET state = 'done', in_flight = 0, last_error = NULL, done_at = ?, updated_at = ? WHERE id = ? AND state != 'done'",
      )
      .run(now, now, id);
  }

  // Failures never clear `in_flight`: the failing call may have been a read made while an
  // earlier mutation was still unresolved. Only a reconcile or a recorded answer clears it.
  // `floorMs`: the part of the delay the server asked for (Retry-After), which no "sync now" shortens.
  scheduleRetry(id: string, delayMs: number, error: string, floorMs = 0): void {
    const now = this.#now();
    const notBefore = floorMs > 0 ? now + Math.round(floorMs) : 0;
    this.#prep(`UPDATE queue_items SET state = 'retry_wait', attempts = attempts + 1, next_attempt_at = ?, not_before = ?,
        last_error = ?, updated_at = ? WHERE id = ?`)
      .run(now + Math.max(0, Math.round(delayMs)), notBefore, error, now, id);
  }

  /**
   * Waits, without counting an attempt, until a send whose answer was lost has had time to
   * land; `since` (when that send ended) is kept as the item's last change, so the wait
   * is counted from the send however often it is looked at again.
   */
  deferReconcile(id: string, untilMs: number, since: number, message: string): void {
    const until = Math.round(untilMs);
    this.#prep(`UPDATE queue_items SET state = 'retry_wait', next_attempt_at = ?, not_before = ?, last_error = ?, updated_at = ? WHERE id = ?`)
      .run(until, until, message, since, id);
  }

  /** Back to ready without counting an attempt (the queue paused under it). */
  release(id: string): void {
    this.#prep("UPDATE queue_items SET state = 'ready', updated_at = ? WHERE id = ? AND state = 'syncing'").run(this.#now(), id);
  }

  quarantine(id: string, reason: string, code: QuarantineCode | null = null): void {
    this.#prep("UPDATE queue_items SET state = 'quarantined', quarantine_reason = ?, quarantine_code = ?, last_error = ?, updated_at = ? WHERE id = ?")
      .run(reason, code, reason, this.#now(), id);
  }

  /** Quarantines every unfinished item of a collection of this scope (it was deleted on that server). */
  quarantineCollection(collectionId: string, scope: DeskScope | null, reason: string): number {
    return this.#prep(`UPDATE queue_items SET state = 'quarantined', quarantine_reason = ?, quarantine_code = 'collection-gone',
        last_error = ?, updated_at = ? WHERE collection_id = ? AND server IS ? AND account IS ? AND state IN ('ready', 'retry_wait', 'syncing')`)
      .run(reason, reason, this.#now(), collectionId, scope?.server ?? null, scope?.account ?? null).changes;
  }

  /**
   * Sends an unfinished enrollment to another collection, on its own or another server,
   * together with the add-photo items that depend on it. It keeps its enrollment UUID; a
   * person it may have created in the old collection is forgotten, and only its photos
   * not yet confirmed are sent. Returns false when the item cannot move (see retargetProblem).
   */
  retarget(input: RetargetInput): boolean {
    const { itemId, collectionId, scope } = input;
    return this.#db
      .transaction(() => {
        const item = this.load(itemId);
        if (item === null || retargetProblem(item) !== null) return false;
        this.#prep(`UPDATE queue_items SET collection_id = ?, server = ?, account = ?, person_id = NULL, in_flight = 0,
            state = 'ready', next_attempt_at = 0, quarantine_reason = NULL, quarantine_code = NULL, updated_at = ?
            WHERE id = ? OR (kind = 'addPhotos' AND depends_on_enrollment_id = ? AND state != 'done')`)
          .run(collectionId, scope.server, scope.account, this.#now(), itemId, item.row.enrollment_id);
        return true;
      })
      .immediate();
  }

  /**
   * After a crash: items caught mid-sync must be reconciled before anything is re-sent.
   * `updated_at` stays the claim's: the time from which a cut-off send may still be running.
   */
  recoverSyncing(): number {
    return this.#prep("UPDATE queue_items SET state = 'ready', in_flight = 1 WHERE state = 'syncing'").run().changes;
  }

  /** Quarantined/waiting item back to ready, optionally with corrected tags (by photo sha256). */
  retry(id: string, tagsBySha?: Readonly<Record<string, readonly string[]>>): boolean {
    return this.#db
      .transaction(() => {
        const changed = this.#prep(`UPDATE queue_items SET state = 'ready', next_attempt_at = 0, quarantine_reason = NULL, quarantine_code = NULL, updated_at = ?
            WHERE id = ? AND state IN ('quarantined', 'retry_wait')`)
          .run(this.#now(), id).changes;
        if (changed === 0) return false;
        const setTags = this.#prep('UPDATE queue_photos SET tags = ? WHERE item_id = ? AND sha256 = ? AND confirmed = 0');
        for (const [sha, tags] of Object.entries(tagsBySha ?? {})) setTags.run(JSON.stringify(tags), id, sha);
        return true;
      })
      .immediate();
  }

  /** Removes an unfinished item; returns its blob ids, or null when it cannot be discarded. */
  discard(id: string): readonly string[] | null {
    return this.#db
      .transaction(() => {
        const row = this.#prep('SELECT kind, state, enrollment_id FROM queue_items WHERE id = ?').get(id) as
          | { kind: string; state: QueueItemState; enrollment_id: string | null }
          | undefined;
        if (row === undefined || row.state === 'syncing' || row.state === 'done') return null;
        const blobs = (
          this.#prep('SELECT blob_id FROM queue_photos WHERE item_id = ? AND blob_id IS NOT NULL').all(id) as {
            blob_id: string;
          }[]
        ).map((r) => r.blob_id);
        if (row.kind === 'createPerson' && row.enrollment_id !== null) {
          this.#prep(`UPDATE queue_items SET state = 'quarantined', quarantine_reason = ?, updated_at = ?
              WHERE depends_on_enrollment_id = ? AND person_id IS NULL AND state IN ('ready', 'retry_wait')`)
            .run('The enrollment these photos belong to was discarded.', this.#now(), row.enrollment_id);
        }
        this.#prep('DELETE FROM queue_items WHERE id = ?').run(id);
        return blobs;
      })
      .immediate();
  }

  hasPendingPhoto(sha256: string, collectionId?: string): boolean {
    const sql = `SELECT 1 FROM queue_photos p JOIN queue_items q ON q.id = p.item_id
      WHERE p.sha256 = ? AND p.confirmed = 0 AND q.state != 'done'`;
    const hit =
      collectionId === undefined
        ? this.#prep(sql).get(sha256)
        : this.#prep(`${sql} AND q.collection_id = ?`).get(sha256, collectionId);
    return hit !== undefined;
  }

  unsyncedCount(): number {
    return (this.#prep("SELECT COUNT(*) AS n FROM queue_items WHERE state != 'done'").get() as { n: number }).n;
  }

  /** Deletes every row; returns the items removed. Photo files are the caller's. */
  wipe(): number {
    return this.#db
      .transaction(() => {
        this.#prep('DELETE FROM queue_photos').run();
        return this.#prep('DELETE FROM queue_items').run().changes;
      })
      .immediate();
  }

  /** Done items confirmed before `cutoff` with no photo file left; returns the items removed. */
  purgeDone(cutoff: number): number {
    const gone = `SELECT id FROM queue_items q WHERE state = 'done' AND done_at < ?
      AND NOT EXISTS (SELECT 1 FROM queue_photos p WHERE p.item_id = q.id AND p.blob_id IS NOT NULL)`;
    return this.#db
      .transaction(() => {
        this.#prep(`DELETE FROM queue_photos WHERE item_id IN (${gone})`).run(cutoff);
        return this.#prep(`DELETE FROM queue_items WHERE id IN (${gone})`).run(cutoff).changes;
      })
      .immediate();
  }

  isBlobReferenced(blobId: string): boolean {
    return this.#prep('SELECT 1 FROM queue_photos WHERE blob_id = ?').get(blobId) !== undefined;
  }

  /** Counts of one scope's items (every item when `scope` is undefined). */
  counts(scope?: DeskScope | null): QueueCounts & { readonly oldestPendingCreatedAt: number | null; readonly lastDoneAt: number | null } {
    const here = scopeFilterSql(scope === undefined ? undefined : { scope, where: 'here' });
    const rows = this.#prep(`SELECT state, COUNT(*) AS n FROM queue_items WHERE ${here.sql} GROUP BY state`).all(...here.params) as {
      state: string;
      n: number;
    }[];
    const n = (state: QueueItemState): number => rows.find((r) => r.state === state)?.n ?? 0;
    const startOfDay = localStartOfDay(this.#now());
    const extra = this.#prep(`SELECT
          (SELECT COUNT(*) FROM queue_items WHERE state = 'done' AND done_at >= ? AND ${here.sql}) AS done_today,
          (SELECT MIN(created_at) FROM queue_items WHERE state IN ('ready', 'syncing', 'retry_wait') AND ${here.sql}) AS oldest,
          (SELECT MAX(done_at) FROM queue_items WHERE state = 'done' AND ${here.sql}) AS last_done`)
      .get(startOfDay, ...here.params, ...here.params, ...here.params) as { done_today: number; oldest: number | null; last_done: number | null };
    const away = scopeFilterSql(scope === undefined ? undefined : { scope, where: 'elsewhere' });
    const elsewhere =
      scope === undefined
        ? 0
        : (this.#prep(`SELECT COUNT(*) AS n FROM queue_items WHERE state != 'done' AND ${away.sql}`).get(...away.params) as { n: number }).n;
    return {
      elsewhere,
      ready: n('ready'),
      syncing: n('syncing'),
      retryWait: n('retry_wait'),
      quarantined: n('quarantined'),
      doneToday: extra.done_today,
      oldestPendingCreatedAt: extra.oldest,
      lastDoneAt: extra.last_done,
    };
  }

  /** Rows for listing; an invalid one is quarantined and listed by id and reason only. */
  list(query: StoreListQuery): readonly ListedItem[] {
    const scoped = scopeFilterSql(query.scope);
    const where = [scoped.sql];
    const params: unknown[] = [...scoped.params];
    if (query.state !== undefined) {
      where.push('state = ?');
      params.push(query.state);
    }
    if (query.unsent === true) where.push("state != 'done'");
    const raws = this.#prep(`SELECT * FROM queue_items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as {
      id: unknown;
      created_at: unknown;
    }[];
    return raws.map((raw): ListedItem => {
      const id = String(raw.id);
      const item = this.#validate(id, raw);
      if (item !== null) return { ok: true, item };
      const reason = this.#prep('SELECT quarantine_reason AS r FROM queue_items WHERE id = ?').get(id) as { r: unknown };
      return { ok: false, id, reason: String(reason.r) };
    });
  }

  #validate(id: string, raw: unknown): StoredItem | null {
    const parsed = itemRowSchema.safeParse(raw);
    if (!parsed.success) return this.#corrupt(id, `stored row is invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    const photoRaws = this.#prep('SELECT * FROM queue_photos WHERE item_id = ? ORDER BY position').all(id);
    const photos: PhotoRow[] = [];
    for (const p of photoRaws) {
      const ph = photoRowSchema.safeParse(p);
      if (!ph.success) return this.#corrupt(id, `stored photo row is invalid: ${ph.error.issues[0]?.message ?? 'unknown'}`);
      photos.push(ph.data);
    }
    return { row: parsed.data, photos };
  }

  #corrupt(id: string, reason: string): null {
    this.#prep("UPDATE queue_items SET state = 'quarantined', quarantine_reason = ?, updated_at = ? WHERE id = ? AND state != 'quarantined'")
      .run(reason, this.#now(), id);
    return null;
  }
}

/** Why an item cannot be sent elsewhere, or null when it can. */
export function retargetProblem(item: StoredItem): string | null {
  const { row } = item;
  if (row.state === 'done' || row.state === 'syncing') return 'It is being sent or already on the server.';
  if (row.kind !== 'createPerson') return 'Photos for an existing person can be retried or discarded, not moved: move the enrollment they belong to.';
  if (!item.photos.some((p) => p.confirmed === 0 && p.blob_id !== null)) return 'Its photos are already on the server; nothing is left to send.';
  return null;
}

function localStartOfDay(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
