import { hammingDistance } from './fingerprint.js';

export interface Fingerprinted {
  readonly sha256: string;
  readonly dhash: string;
}

export interface Probe extends Fingerprinted {
  readonly media_id: string;
}

export interface Candidate extends Fingerprinted {
  readonly person_id: string;
  readonly person_image_id: string;
}

export interface Match {
  readonly source_media_id: string;
  readonly person_id: string;
  readonly person_image_id: string;
  readonly confidence: number;
}

// The sandbox's stand-in for face matching, NOT face recognition: a probe "matches" a
// stored photo with identical bytes or a dHash within this Hamming distance.
export const maxHammingDistance = 6;

// Identical bytes score 1; otherwise 1 - distance/64, so every accepted distance scores
// above Oz's default 0.85 collection threshold.
export function similarity(probe: Fingerprinted, candidate: Fingerprinted): number | null {
  if (probe.sha256 === candidate.sha256) return 1;
  const distance = hammingDistance(probe.dhash, candidate.dhash);
  if (distance > maxHammingDistance) return null;
  return Math.round((1 - distance / 64) * 10_000) / 10_000;
}

// One result per (probe, person): the person's best-scoring photo.
export function findMatches(probes: readonly Probe[], candidates: readonly Candidate[]): readonly Match[] {
  const matches: Match[] = [];
  for (const probe of probes) {
    const best = new Map<string, Match>();
    for (const candidate of candidates) {
      const confidence = similarity(probe, candidate);
      if (confidence === null) continue;
      const previous = best.get(candidate.person_id);
      if (previous === undefined || confidence > previous.confidence) {
        best.set(candidate.person_id, {
          source_media_id: probe.media_id,
          person_id: candidate.person_id,
          person_image_id: candidate.person_image_id,
          confidence,
        });
      }
    }
    matches.push(...[...best.values()].sort((a, b) => b.confidence - a.confidence));
  }
  return matches;
}
