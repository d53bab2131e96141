import type Database from 'better-sqlite3';
import {
  auditCheckpointSchema,
  auditCountsSchema,
  auditEntrySchema,
  auditInputSchema,
  auditQuerySchema,
  type AuditEntry,
  type AuditInput,
  type AuditPage,
  type AuditQuery,
  type AuditVerifyResult,
} from '../../shared/domain/audit.js';
import { migrate } from '../storage/migrate.js';
import { checkpointSignatureValid, entryHash, GENESIS_HASH, signCheckpoint, type UnhashedEntry } from './audit-hash.js';
import { AUDIT_SCOPE, auditMigrations } from './audit-migrations.js';
import { headSealProblem, readHeadSeal, writeHeadSeal } from './audit-head-seal.js';
import { csvRow } from './csv.js';

/** Who and where, read when an entry is recorded. */
export interface AuditSource {
  desk(): string;
  /** The signed-in account, or null when nobody is. */
  operator(): string | null;
}

/** The part of the log most services need: append one entry. */
export interface AuditRecorder {
  record(input: AuditInput): AuditEntry;
}

export interface AuditRange {
  readonly from?: number;
  readonly to?: number;
}

export interface PurgeResult {
  readonly purged: number;
  readonly checkpoint: AuditEntry | null;
}

export interface AuditLog extends AuditRecorder {
  /**
   * Recomputes the chain; `key` checks the checkpoint that anchors a purged head, `headKey`
   * the seal of the last entry (entries cut from the end). A null head key skips the seal.
   */
  verify(key: () => Promise<Buffer | null>, headKey?: () => Promise<Buffer | null>): Promise<AuditVerifyResult>;
  query(query: AuditQuery): AuditPage;
  /** Oldest first. */
  entries(range?: AuditRange): readonly AuditEntry[];
  exportCsv(range?: AuditRange): string;
  exportJson(range?: AuditRange): string;
  /** Time of the oldest entry kept, or null when the log is empty. */
  oldestAt(): number | null;
  /** Removes the entries older than `cutoff` from the head and appends a signed checkpoint. */
  purgeBefore(cutoff: number, key: Buffer): PurgeResult;
}

interface Row {
  seq: number;
  at: number;
  desk: string;
  operator: string | null;
  action: string;
  collection_id: string | null;
  person_id: string | null;
  enrollment_id: string | null;
  photo_id: string | null;
  analysis_id: string | null;
  queue_item_id: string | null;
  outcome: string;
  error_code: string | null;
  counts: string | null;
  note: string | null;
  checkpoint: string | null;
  prev_hash: string;
  hash: string;
}

const TARGET_COLUMNS = ['collection_id', 'person_id', 'enrollment_id', 'photo_id', 'analysis_id', 'queue_item_id'] as const;

/**
 * The hash-chained audit log in the desk database. Each append reads the head and writes
 * the next entry in one `BEGIN IMMEDIATE` transaction, so two processes (app and CLI)
 * never fork the chain.
 */
export function openAuditLog(db: Database.Database, source: AuditSource, now: () => number = Date.now, headKey?: Buffer): AuditLog {
  migrate(db, AUDIT_SCOPE, auditMigrations);
  const insert = db.prepare(`INSERT INTO audit_entries (seq, at, desk, operator, action, collection_id, person_id,
    enrollment_id, photo_id, analysis_id, queue_item_id, outcome, error_code, counts, note, checkpoint, prev_hash, hash)
    VALUES (@seq, @at, @desk, @operator, @action, @collection_id, @person_id, @enrollment_id, @photo_id, @analysis_id,
    @queue_item_id, @outcome, @error_code, @counts, @note, @checkpoint, @prev_hash, @hash)`);
  const head = db.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1');

  const append = (entry: Omit<UnhashedEntry, 'seq' | 'prevHash'>): AuditEntry =>
    db
      .transaction(() => {
        const last = head.get() as { seq: number; hash: string } | undefined;
        const unhashed: UnhashedEntry = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
        const full: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
        insert.run(toRow(full));
        // In the same transaction, so the seal never lags the head it vouches for.
        if (headKey !== undefined) writeHeadSeal(db, headKey, full.seq, full.hash);
        return full;
      })
      .immediate();

  // A log written before sealing existed (or by a host without the keychain) is sealed as it stands.
  if (headKey !== undefined && readHeadSeal(db) === null) {
    const last = head.get() as { seq: number; hash: string } | undefined;
    if (last !== undefined) writeHeadSeal(db, headKey, last.seq, last.hash);
  }

  const entries = (range: AuditRange = {}): readonly AuditEntry[] => {
    const { where, params } = rangeWhere(range);
    return (db.prepare(`SELECT * FROM audit_entries ${where} ORDER BY seq`).all(...params) as Row[]).map(fromRow);
  };

  return {
    record(input) {
      const parsed = auditInputSchema.parse(input);
      const t = parsed.targets;
      return append({
        at: now(),
        desk: source.desk(),
        operator: parsed.operator === undefined ? source.operator() : parsed.operator,
        action: parsed.action,
        collectionId: t.collectionId ?? null,
        personId: t.personId ?? null,
        enrollmentId: t.enrollmentId ?? null,
        photoId: t.photoId ?? null,
        analysisId: t.analysisId ?? null,
        queueItemId: t.queueItemId ?? null,
        outcome: parsed.outcome,
        errorCode: parsed.errorCode,
        counts: parsed.counts,
        note: parsed.note,
        checkpoint: null,
      });
    },

    async verify(key, sealKey) {
      // Read everything before the first await: a caller may close the database meanwhile.
      const rows = db.prepare('SELECT * FROM audit_entries ORDER BY seq').all() as Row[];
      const seal = readHeadSeal(db);
      const chain = await verifyRows(rows, key);
      const secret = chain.ok && sealKey !== undefined ? await sealKey() : null;
      if (secret === null) return chain;
      const last = rows.at(-1);
      const hashAt = (seq: number): string | undefined => rows.find((r) => r.seq === seq)?.hash;
      return headSealProblem(seal, last && { seq: last.seq, hash: last.hash }, hashAt, secret) ?? chain;
    },

    query(raw) {
      const q = auditQuerySchema.parse(raw);
      const clauses: string[] = [];
      const params: (string | number)[] = [];
      const range = rangeWhere(q);
      if (range.where !== '') {
        clauses.push(range.where.replace(/^WHERE /, ''));
        params.push(...range.params);
      }
      if (q.operator !== undefined) {
        clauses.push('operator = ?');
        params.push(q.operator);
      }
      if (q.action !== undefined) {
        clauses.push('action = ?');
        params.push(q.action);
      }
      if (q.target !== undefined) {
        clauses.push(`(${TARGET_COLUMNS.map((c) => `${c} = ?`).join(' OR ')})`);
        params.push(...TARGET_COLUMNS.map(() => q.target as string));
      }
      const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_entries ${where}`).get(...params) as { n: number }).n;
      const rows = db
        .prepare(`SELECT * FROM audit_entries ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
        .all(...params, q.limit, q.offset) as Row[];
      return { entries: rows.map(fromRow), total };
    },

    entries,

    oldestAt() {
      return (db.prepare('SELECT MIN(at) AS t FROM audit_entries').get() as { t: number | null }).t;
    },

    exportCsv(range) {
      const header = csvRow([
        'seq', 'time', 'desk', 'operator', 'action', 'collection_id', 'person_id', 'enrollment_id', 'photo_id', 'analysis_id',
        'queue_item_id', 'outcome', 'error_code', 'counts', 'note', 'checkpoint', 'prev_hash', 'hash',
      ]);
      const lines = entries(range).map((e) =>
        csvRow([
          e.seq, new Date(e.at).toISOString(), e.desk, e.operator, e.action, e.collectionId, e.personId, e.enrollmentId, e.photoId,
          e.analysisId, e.queueItemId, e.outcome, e.errorCode, e.counts === null ? null : JSON.stringify(e.counts), e.note,
          e.checkpoint === null ? null : JSON.stringify(e.checkpoint), e.prevHash, e.hash,
        ]),
      );
      return header + lines.join('');
    },

    exportJson(range) {
      return `${JSON.stringify(entries(range), null, 2)}\n`;
    },

    purgeBefore(cutoff, key) {
      return db
        .transaction((): PurgeResult => {
          // Only a prefix of the chain: what follows must still link to what the checkpoint vouches for.
          const firstKept = db.prepare('SELECT MIN(seq) AS s FROM audit_entries WHERE at >= ?').get(cutoff) as { s: number | null };
          const bound = firstKept.s ?? Number.MAX_SAFE_INTEGER;
          const last = db
            .prepare('SELECT seq, hash FROM audit_entries WHERE seq < ? ORDER BY seq DESC LIMIT 1')
            .get(bound) as { seq: number; hash: string } | undefined;
          if (last === undefined) return { purged: 0, checkpoint: null };
          const purged = db.prepare('DELETE FROM audit_entries WHERE seq <= ?').run(last.seq).changes;
          const desk = source.desk();
          const claim = { desk, purgedCount: purged, purgedThroughSeq: last.seq, purgedLastHash: last.hash };
          const checkpoint = append({
            at: now(),
            desk,
            operator: null,
            action: 'checkpoint',
            collectionId: null,
            personId: null,
            enrollmentId: null,
            photoId: null,
            analysisId: null,
            queueItemId: null,
            outcome: 'done',
            errorCode: null,
            counts: { purged },
            note: null,
            checkpoint: { purgedCount: purged, purgedThroughSeq: last.seq, purgedLastHash: last.hash, signature: signCheckpoint(key, claim) },
          });
          return { purged, checkpoint };
        })
        .immediate();
    },
  };
}

async function verifyRows(rows: readonly Row[], key: () => Promise<Buffer | null>): Promise<AuditVerifyResult> {
  const first = rows[0];
  if (first === undefined) return { ok: true, entries: 0 };
  const parsed: AuditEntry[] = [];
  for (const row of rows) {
    const entry = safeFromRow(row);
    if (entry === null) return { ok: false, firstBroken: row.seq, reason: `entry #${row.seq} is not a valid audit entry` };
    parsed.push(entry);
  }
  let expectedPrev = GENESIS_HASH;
  if (first.seq !== 1) {
    const anchor = await checkpointAnchor(parsed, first.seq, key);
    if (!anchor.ok) return anchor;
    expectedPrev = anchor.prevHash;
  }
  let expectedSeq = first.seq;
  for (const entry of parsed) {
    if (entry.seq !== expectedSeq) {
      return { ok: false, firstBroken: expectedSeq, reason: `entry #${expectedSeq} is missing (the next one present is #${entry.seq})` };
    }
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, firstBroken: entry.seq, reason: `entry #${entry.seq} does not follow the entry before it (previous hash differs)` };
    }
    if (entryHash(entry) !== entry.hash) {
      return { ok: false, firstBroken: entry.seq, reason: `entry #${entry.seq} was changed after it was written (hash differs)` };
    }
    expectedPrev = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: parsed.length };
}

type Anchor = { readonly ok: true; readonly prevHash: string } | Extract<AuditVerifyResult, { ok: false }>;

/** The head was purged: a checkpoint signed with the desk's key must account for exactly what is gone. */
async function checkpointAnchor(entries: readonly AuditEntry[], firstSeq: number, key: () => Promise<Buffer | null>): Promise<Anchor> {
  const checkpoint = entries.findLast((e) => e.action === 'checkpoint' && e.checkpoint?.purgedThroughSeq === firstSeq - 1);
  if (checkpoint?.checkpoint == null) {
    return { ok: false, firstBroken: firstSeq - 1, reason: `entries #1–#${firstSeq - 1} are missing and no checkpoint accounts for them` };
  }
  const secret = await key();
  if (secret === null) {
    return { ok: false, firstBroken: checkpoint.seq, reason: `checkpoint #${checkpoint.seq} cannot be checked: the desk's audit key is not in the keychain` };
  }
  const { signature, ...claim } = checkpoint.checkpoint;
  if (!checkpointSignatureValid(secret, { ...claim, desk: checkpoint.desk }, signature)) {
    return { ok: false, firstBroken: checkpoint.seq, reason: `checkpoint #${checkpoint.seq} is not signed by this desk's audit key` };
  }
  return { ok: true, prevHash: checkpoint.checkpoint.purgedLastHash };
}

function rangeWhere(range: AuditRange): { where: string; params: number[] } {
  const clauses: string[] = [];
  const params: number[] = [];
  if (range.from !== undefined) {
    clauses.push('at >= ?');
    params.push(range.from);
  }
  if (range.to !== undefined) {
    clauses.push('at <= ?');
    params.push(range.to);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

function toRow(e: AuditEntry): Row {
  return {
    seq: e.seq,
    at: e.at,
    desk: e.desk,
    operator: e.operator,
    action: e.action,
    collection_id: e.collectionId,
    person_id: e.personId,
    enrollment_id: e.enrollmentId,
    photo_id: e.photoId,
    analysis_id: e.analysisId,
    queue_item_id: e.queueItemId,
    outcome: e.outcome,
    error_code: e.errorCode,
    counts: e.counts === null ? null : JSON.stringify(e.counts),
    note: e.note,
    checkpoint: e.checkpoint === null ? null : JSON.stringify(e.checkpoint),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

function fromRow(r: Row): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    desk: r.desk,
    operator: r.operator,
    action: r.action as AuditEntry['action'],
    collectionId: r.collection_id,
    personId: r.person_id,
    enrollmentId: r.enrollment_id,
    photoId: r.photo_id,
    analysisId: r.analysis_id,
    queueItemId: r.queue_item_id,
    outcome: r.outcome as AuditEntry['outcome'],
    errorCode: r.error_code,
    counts: r.counts === null ? null : auditCountsSchema.parse(JSON.parse(r.counts)),
    note: r.note,
    checkpoint: r.checkpoint === null ? null : auditCheckpointSchema.parse(JSON.parse(r.checkpoint)),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** For verification: a row edited into nonsense is a broken entry, not a crash. */
function safeFromRow(r: Row): AuditEntry | null {
  try {
    const parsed = auditEntrySchema.safeParse(fromRow(r));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
