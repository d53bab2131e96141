import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog, type AuditLog } from './audit-log.js';

let db: Database.Database;
let clock: number;
let operator: string | null;
let log: AuditLog;
const key = randomBytes(32);
const withKey = () => Promise.resolve(key);

beforeEach(() => {
  db = new Database(':memory:');
  clock = Date.UTC(2026, 0, 1);
  operator = 'op@bank.example';
  log = openAuditLog(db, { desk: () => 'desk-7', operator: () => operator }, () => clock);
});
afterEach(() => db.close());

const fill = (n: number): void => {
  for (let i = 0; i < n; i += 1) {
    clock += 1000;
    log.record({ action: 'personCreated', targets: { collectionId: 'c1', personId: `p${i}` }, outcome: i % 3 === 0 ? 'queued' : 'done' });
  }
};

describe('AuditLog.record', () => {
  it('fills in sequence, time, desk and operator and links each entry to the one before', () => {
    const a = log.record({ action: 'signIn', outcome: 'done' });
    clock += 5;
    const b = log.record({ action: 'collectionCreated', targets: { collectionId: 'c-1' }, outcome: 'done' });
    expect(a).toMatchObject({ seq: 1, at: clock - 5, desk: 'desk-7', operator: 'op@bank.example', prevHash: '0'.repeat(64) });
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash, collectionId: 'c-1', personId: null });
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).not.toBe(a.hash);
  });

  it('takes an explicit operator (a refused sign-in names the account tried)', () => {
    operator = null;
    expect(log.record({ action: 'signIn', outcome: 'failed', errorCode: 'OZ_API:1', operator: 'x@bank.example' }).operator).toBe('x@bank.example');
  });

  it('refuses free text: names as ids, notes outside overrides, text counts, failures without code', () => {
    expect(() => log.record({ action: 'personCreated', targets: { personId: 'Jane Doe' }, outcome: 'done' })).toThrow(/id/);
    expect(() => log.record({ action: 'personCreated', outcome: 'done', note: 'Jane' })).toThrow(/note/);
    expect(() => log.record({ action: 'qualityOverridden', outcome: 'done' })).toThrow(/note/);
    expect(() => log.record({ action: 'importConfirmed', outcome: 'done', counts: { persons: 'Jane' as unknown as number } })).toThrow();
    expect(() => log.record({ action: 'photoAdded', outcome: 'failed' })).toThrow(/error code/);
    expect(() => log.record({ action: 'photoAdded', outcome: 'done', errorCode: 'X' })).toThrow(/error code/);
    expect(() => log.record({ action: 'checkpoint' as 'signIn', outcome: 'done' })).toThrow();
    expect(log.entries()).toHaveLength(0);
  });

  it('keeps the override note and counts', () => {
    const e = log.record({ action: 'qualityOverridden', targets: { enrollmentId: 'e-1' }, outcome: 'done', note: 'glasses, checked by supervisor' });
    const i = log.record({ action: 'importConfirmed', outcome: 'queued', counts: { persons: 12, photos: 30 } });
    expect(e.note).toBe('glasses, checked by supervisor');
    expect(log.entries()[1]?.counts).toEqual({ persons: 12, photos: 30 });
    expect(i.counts).toEqual({ persons: 12, photos: 30 });
  });
});

describe('AuditLog.verify', () => {
  it('passes an intact chain and an empty log', async () => {
    expect(await log.verify(withKey)).toEqual({ ok: true, entries: 0 });
    fill(50);
    expect(await log.verify(withKey)).toEqual({ ok: true, entries: 50 });
  });

  it('names the entry whose field was changed', async () => {
    fill(20);
    db.prepare("UPDATE audit_entries SET person_id = 'p999' WHERE seq = 7").run();
    expect(await log.verify(withKey)).toMatchObject({ ok: false, firstBroken: 7, reason: expect.stringMatching(/changed/) });
  });

  it('names a deleted entry, also the first one', async () => {
    fill(20);
    db.prepare('DELETE FROM audit_entries WHERE seq = 12').run();
    expect(await log.verify(withKey)).toMatchObject({ ok: false, firstBroken: 12, reason: expect.stringMatching(/missing/) });
    db.prepare('DELETE FROM audit_entries WHERE seq = 1').run();
    expect(await log.verify(withKey)).toMatchObject({ ok: false, firstBroken: 1 });
  });

  it('names the first of two swapped entries', async () => {
    fill(20);
    db.exec('UPDATE audit_entries SET seq = -1 WHERE seq = 5; UPDATE audit_entries SET seq = 5 WHERE seq = 9; UPDATE audit_entries SET seq = 9 WHERE seq = -1;');
    expect(await log.verify(withKey)).toMatchObject({ ok: false, firstBroken: 5 });
  });

  it('treats a row edited into nonsense as broken, not as a crash', async () => {
    fill(5);
    db.prepare("UPDATE audit_entries SET counts = '{not json' WHERE seq = 3").run();
    expect(await log.verify(withKey)).toMatchObject({ ok: false, firstBroken: 3 });
  });
});

describe('AuditLog.purgeBefore', () => {
  it('removes the expired head, appends a signed checkpoint, and the rest still verifies', async () => {
    fill(10);
    const cutoff = clock - 3500;
    const result = log.purgeBefore(cutoff, key);
    expect(result.purged).toBe(6);
    expect(result.checkpoint).toMatchObject({ seq: 11, action: 'checkpoint', operator: null, checkpoint: { purgedCount: 6, purgedThroughSeq: 6 } });
    expect(log.entries().map((e) => e.seq)).toEqual([7, 8, 9, 10, 11]);
    expect(await log.verify(withKey)).toEqual({ ok: true, entries: 5 });
    fill(3);
    expect(await log.verify(withKey)).toEqual({ ok: true, entries: 8 });
  });

  it('verifies after a second purge that removes the first checkpoint too', async () => {
    fill(5);
    log.purgeBefore(clock + 1, key);
    clock += 10_000;
    fill(3);
    log.purgeBefore(clock + 1, key);
    expect(log.entries()).toHaveLength(1);
    expect(await log.verify(withKey)).toEqual({ ok: true, entries: 1 });
  });

  it('is caught when the key is another one, missing, or the checkpoint does not account for the gap', async () => {
    fill(10);
    log.purgeBefore(clock - 3500, key);
    expect(await log.verify(() => Promise.resolve(randomBytes(32)))).toMatchObject({ ok: false, firstBroken: 11, reason: expect.stringMatching(/not signed/) });
    expect(await log.verify(() => Promise.resolve(null))).toMatchObject({ ok: false, firstBroken: 11, reason: expect.stringMatching(/keychain/) });
    db.prepare('DELETE FROM audit_entries WHERE seq = 7').run();
    expect(await log.verify(withKey)).toMatchObject({ ok: false, firstBroken: 7 });
  });

  it('does nothing when nothing has expired', () => {
    fill(3);
    expect(log.purgeBefore(0, key)).toEqual({ purged: 0, checkpoint: null });
    expect(log.entries()).toHaveLength(3);
  });
});

describe('AuditLog.query and export', () => {
  beforeEach(() => {
    log.record({ action: 'signIn', outcome: 'done' });
    clock += 1000;
    operator = 'other@bank.example';
    log.record({ action: 'personDeleted', targets: { collectionId: 'c1', personId: 'p-42' }, outcome: 'done' });
    clock += 1000;
    log.record({ action: 'analysisDeleted', targets: { analysisId: 'a-1', personId: 'p-42' }, outcome: 'failed', errorCode: 'OZ_API:4' });
  });

  it('filters by date, operator, action and target, newest first', () => {
    const start = Date.UTC(2026, 0, 1);
    expect(log.query({}).entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(log.query({ from: start + 500 }).total).toBe(2);
    expect(log.query({ to: start + 500 }).entries.map((e) => e.seq)).toEqual([1]);
    expect(log.query({ operator: 'other@bank.example' }).total).toBe(2);
    expect(log.query({ action: 'personDeleted' }).entries.map((e) => e.seq)).toEqual([2]);
    expect(log.query({ target: 'p-42' }).entries.map((e) => e.seq)).toEqual([3, 2]);
    expect(log.query({ target: 'a-1', operator: 'op@bank.example' }).total).toBe(0);
    expect(log.query({ limit: 1, offset: 1 })).toMatchObject({ total: 3, entries: [{ seq: 2 }] });
  });

  it('exports CSV that parses back field for field, with notes escaped and formulas defused', () => {
    log.record({ action: 'qualityOverridden', outcome: 'done', note: '=HYPERLINK("x"), dim light\nsecond line' });
    const rows = parse(log.exportCsv(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ seq: '2', action: 'personDeleted', person_id: 'p-42', operator: 'other@bank.example', outcome: 'done' });
    expect(rows[2]).toMatchObject({ error_code: 'OZ_API:4', outcome: 'failed' });
    expect(rows[3]?.note).toBe(`'=HYPERLINK("x"), dim light\nsecond line`);
    expect(rows[0]?.time).toBe(new Date(Date.UTC(2026, 0, 1)).toISOString());
    expect(rows.map((r) => r.hash)).toEqual(log.entries().map((e) => e.hash));
  });

  it('exports JSON entries in a date range', () => {
    const start = Date.UTC(2026, 0, 1);
    const parsed = JSON.parse(log.exportJson({ from: start + 500, to: start + 1500 })) as { seq: number }[];
    expect(parsed.map((e) => e.seq)).toEqual([2]);
  });
});
