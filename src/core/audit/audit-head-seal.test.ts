import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../secrets/in-memory-secret-store.js';
import { findAuditHeadKey, loadAuditHeadKey } from './audit-head-seal.js';
import { openAuditLog, type AuditLog } from './audit-log.js';

let db: Database.Database;
const key = randomBytes(32);
const headKey = randomBytes(32);
const checkpointKey = () => Promise.resolve(key);
const sealKey = () => Promise.resolve(headKey);
const source = { desk: () => 'desk-9', operator: () => 'op@bank.example' };

beforeEach(() => {
  db = new Database(':memory:');
});
afterEach(() => db.close());

const fill = (log: AuditLog, n: number): void => {
  for (let i = 0; i < n; i += 1) log.record({ action: 'personCreated', targets: { personId: `p${i}` }, outcome: 'done' });
};
const cutTail = (n: number): void => void db.prepare('DELETE FROM audit_entries WHERE seq > (SELECT MAX(seq) FROM audit_entries) - ?').run(n);

describe('the audit log’s head seal', () => {
  it('says how many entries were cut from the end, which the chain alone cannot see', async () => {
    const log = openAuditLog(db, source, Date.now, headKey);
    fill(log, 20);
    cutTail(3);
    expect(await log.verify(checkpointKey)).toEqual({ ok: true, entries: 17 });
    expect(await log.verify(checkpointKey, sealKey)).toMatchObject({ ok: false, firstBroken: 18, missing: 3, reason: expect.stringContaining('3 entries are missing from the end') });
  });

  it('fails when the seal is deleted, re-signed without the key, or the sealed entry replaced', async () => {
    const log = openAuditLog(db, source, Date.now, headKey);
    fill(log, 5);
    db.exec("UPDATE audit_head_seal SET seq = 4, hash = (SELECT hash FROM audit_entries WHERE seq = 4)");
    expect(await log.verify(checkpointKey, sealKey)).toMatchObject({ ok: false, reason: expect.stringContaining('not signed by this desk') });
    db.exec('DELETE FROM audit_head_seal');
    expect(await log.verify(checkpointKey, sealKey)).toMatchObject({ ok: false, reason: expect.stringContaining('seal of the log’s last entry is missing') });
  });

  it('seals a log written before sealing as it stands, and accepts entries a host without the key appended after', async () => {
    fill(openAuditLog(db, source), 4);
    const sealed = openAuditLog(db, source, Date.now, headKey);
    expect(await sealed.verify(checkpointKey, sealKey)).toEqual({ ok: true, entries: 4 });
    fill(openAuditLog(db, source), 2);
    expect(await sealed.verify(checkpointKey, sealKey)).toEqual({ ok: true, entries: 6 });
    cutTail(3);
    expect(await sealed.verify(checkpointKey, sealKey)).toMatchObject({ ok: false, missing: 1 });
  });

  it('keeps one key per data folder in the keychain, created on first use', async () => {
    const store = new InMemorySecretStore();
    expect(await findAuditHeadKey(store, '/desks/a')).toBeNull();
    const a = await loadAuditHeadKey(store, '/desks/a');
    expect(await loadAuditHeadKey(store, '/desks/a')).toEqual(a);
    expect(await loadAuditHeadKey(store, '/desks/b')).not.toEqual(a);
  });

  it('property: after any appends and purges, verify passes; after a cut of k ≥ 1 from the end it reports exactly k missing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer({ min: 1, max: 6 }).map((n) => ({ append: n })), fc.constant({ purge: true })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 4 }), async (steps, cut) => {
        const mem = new Database(':memory:');
        let clock = Date.UTC(2026, 0, 1);
        const log = openAuditLog(mem, source, () => (clock += 1000), headKey);
        for (const step of steps) {
          if ('append' in step) {
            for (let i = 0; i < step.append; i += 1) log.record({ action: 'signIn', outcome: 'done' });
          } else {
            log.purgeBefore(clock - 2500, key);
          }
        }
        const present = (mem.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n;
        expect(await log.verify(checkpointKey, sealKey)).toEqual({ ok: true, entries: present });
        const k = Math.min(cut, present);
        mem.prepare('DELETE FROM audit_entries WHERE seq > (SELECT MAX(seq) FROM audit_entries) - ?').run(k);
        const result = await log.verify(checkpointKey, sealKey);
        expect(result.ok).toBe(k === 0);
        // Unless the cut took everything, or the checkpoint that anchors a purged head (the chain fails first).
        if (k > 0 && k < present && (await log.verify(checkpointKey)).ok) expect(result).toMatchObject({ ok: false, missing: k });
        mem.close();
      }),
      { numRuns: 80 },
    );
  });
});
