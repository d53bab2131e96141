import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog, type AuditLog } from './audit-log.js';
import { auditEnrollPerson, auditImport, recordQualityOverride } from './audited-enrollment.js';

let db: Database.Database;
let log: AuditLog;
beforeEach(() => {
  db = new Database(':memory:');
  log = openAuditLog(db, { desk: () => 'd', operator: () => 'op@bank.example' });
});
afterEach(() => db.close());

const result = (status: 'enrolled' | 'queued' | 'failed' | 'skipped') => ({ status, enrollmentId: 'e-1', personId: null, itemId: 'i-1', photos: [1, 2] });

describe('enrollment recorders', () => {
  it('a quality override: one entry with the check codes and the note', () => {
    recordQualityOverride(log, { enrollmentId: 'e-9' }, { codes: ['blurred', 'too_dark'], note: ' only photo available ' });
    expect(log.entries()).toEqual([
      expect.objectContaining({ action: 'qualityOverridden', enrollmentId: 'e-9', counts: { checks: 2 }, note: '[blurred, too_dark] only photo available' }),
    ]);
  });

  it('records no consent when none was confirmed, and a failure with its code', async () => {
    const boom = Object.assign(new Error('x'), { toAppError: () => ({ code: 'NETWORK' as const, message: 'offline' }) });
    await expect(auditEnrollPerson(log, { collectionId: 'c', consent: { confirmed: false } }, () => Promise.reject(boom))).rejects.toBe(boom);
    expect(log.entries()).toEqual([expect.objectContaining({ action: 'personCreated', outcome: 'failed', errorCode: 'NETWORK' })]);
  });

  it('maps each person result to its outcome and leaves skipped ones out', async () => {
    await auditImport(log, { confirmed: true }, async () => ({
      collectionId: 'c',
      counts: { enrolled: 1, queued: 1, failed: 1, skipped: 1, photos: 6 },
      results: [result('enrolled'), result('queued'), result('failed'), result('skipped')],
    }));
    expect(log.entries().map((e) => [e.action, e.outcome, e.errorCode])).toEqual([
      ['consentConfirmed', 'done', null],
      ['personCreated', 'done', null],
      ['personCreated', 'queued', null],
      ['personCreated', 'failed', 'ENROLL_FAILED'],
      ['importConfirmed', 'done', null],
    ]);
  });
});
