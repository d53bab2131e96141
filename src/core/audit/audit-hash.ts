import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditCheckpoint, AuditEntry } from '../../shared/domain/audit.js';
import { canonicalJson } from './canonical-json.js';

/** The previous hash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type UnhashedEntry = Omit<AuditEntry, 'hash'>;

/** SHA-256 over the canonical JSON of every field of the entry, its previous hash included. */
export function entryHash(entry: UnhashedEntry): string {
  const { seq, at, desk, operator, action, collectionId, personId, enrollmentId, photoId, analysisId, queueItemId } = entry;
  const { outcome, errorCode, counts, note, checkpoint, prevHash } = entry;
  const body = {
    seq, at, desk, operator, action, collectionId, personId, enrollmentId, photoId, analysisId, queueItemId,
    outcome, errorCode, counts, note, checkpoint, prevHash,
  };
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

type CheckpointClaim = Omit<AuditCheckpoint, 'signature'> & { readonly desk: string };

/** HMAC-SHA256 with the desk's audit key: only a holder of the key can vouch for a purge. */
export function signCheckpoint(key: Buffer, claim: CheckpointClaim): string {
  const { desk, purgedCount, purgedThroughSeq, purgedLastHash } = claim;
  return createHmac('sha256', key).update(canonicalJson({ desk, purgedCount, purgedThroughSeq, purgedLastHash }), 'utf8').digest('hex');
}

export function checkpointSignatureValid(key: Buffer, claim: CheckpointClaim, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(key, claim), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
