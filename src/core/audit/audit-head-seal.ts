import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AuditVerifyResult } from '../../shared/domain/audit.js';
import { secretAccounts, type SecretStore } from '../secrets/secret-store.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The chain proves every entry follows the one before it, but not that none were cut from
 * the end. The head seal does: after each append, the last sequence number and hash are
 * signed with a key that lives only in the OS keychain, so whoever can edit the database
 * cannot re-seal a shortened log. (A whole older copy of the database, seal included, is
 * not detected: that needs an external copy of the log, e.g. the regular export.)
 */
export interface HeadSeal {
  readonly seq: number;
  readonly hash: string;
  readonly mac: string;
}

const sealMac = (key: Buffer, seq: number, hash: string): string =>
  createHmac('sha256', key).update(canonicalJson({ kind: 'auditHead', seq, hash }), 'utf8').digest('hex');

export function writeHeadSeal(db: Database.Database, key: Buffer, seq: number, hash: string): void {
  db.prepare('INSERT INTO audit_head_seal (id, seq, hash, mac) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac').run(
    seq,
    hash,
    sealMac(key, seq, hash),
  );
}

export function readHeadSeal(db: Database.Database): HeadSeal | null {
  return (db.prepare('SELECT seq, hash, mac FROM audit_head_seal WHERE id = 1').get() as HeadSeal | undefined) ?? null;
}

type Broken = Extract<AuditVerifyResult, { ok: false }>;

/** Checks the seal against the entries present (oldest first); null when it vouches for them. */
export function headSealProblem(
  seal: HeadSeal | null,
  last: { seq: number; hash: string } | undefined,
  hashAt: (seq: number) => string | undefined,
  key: Buffer,
): Broken | null {
  if (seal === null) {
    return last === undefined ? null : { ok: false, firstBroken: last.seq, reason: 'the seal of the log’s last entry is missing: entries may have been cut from the end' };
  }
  const expected = Buffer.from(sealMac(key, seal.seq, seal.hash), 'hex');
  const given = Buffer.from(seal.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, firstBroken: seal.seq, reason: 'the seal of the log’s last entry is not signed by this desk’s key' };
  }
  const lastSeq = last?.seq ?? 0;
  if (seal.seq > lastSeq) {
    const missing = seal.seq - lastSeq;
    return {
      ok: false,
      firstBroken: lastSeq + 1,
      missing,
      reason: `${missing} ${missing === 1 ? 'entry is' : 'entries are'} missing from the end (the log was sealed at #${seal.seq}; the last entry present is #${lastSeq})`,
    };
  }
  // Entries after the seal come from a host without the key; the sealed one must still be there.
  if (hashAt(seal.seq) !== seal.hash) {
    return { ok: false, firstBroken: seal.seq, reason: `entry #${seal.seq} is not the one the seal vouches for (entries were replaced from there on)` };
  }
  return null;
}

// Per data folder, so desks simulated on one machine (--data) and tests never share a seal key.
const headKeyAccount = (dataDir: string): string =>
  secretAccounts.auditHeadKey(createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 32));

/** The desk's head-seal key from the keychain, or null for a log never written with one. */
export async function findAuditHeadKey(store: SecretStore, dataDir: string): Promise<Buffer | null> {
  const existing = await store.get(headKeyAccount(dataDir));
  return existing === null ? null : Buffer.from(existing, 'base64');
}

/** The key, created by the first host that writes the desk's log (app or CLI). */
export async function loadAuditHeadKey(store: SecretStore, dataDir: string): Promise<Buffer> {
  const existing = await findAuditHeadKey(store, dataDir);
  if (existing !== null) return existing;
  const key = randomBytes(32);
  await store.set(headKeyAccount(dataDir), key.toString('base64'));
  return key;
}
