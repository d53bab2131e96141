import { randomUUID } from 'node:crypto';
import type { DuplicateCandidate, DuplicateCheckSummary } from '../../../shared/domain/duplicates.js';
import type { PersonName, PhotoReport, ScanReport } from '../../import/report.js';
import { findDuplicates, type CheckMode, type DuplicateFinderDeps } from '../duplicates/index.js';

/** A photo of the form or webcam as the pipeline made it (the bytes enrollment would send). */
export interface CheckedPhoto {
  readonly jpeg: Uint8Array;
  readonly sha256: string;
}

/** What main keeps of a person check until the person is enrolled: the choice is judged against it. */
export interface HeldPersonCheck {
  readonly collectionId: string;
  readonly hashes: readonly string[];
  readonly candidates: readonly DuplicateCandidate[];
}

const photoLabel = (index: number): string => `photo ${index + 1}`;

/**
 * The dry run's 1:N check for one person of the form or the webcam: the same finder (same
 * client, records, cleanup and audit) over a one-person report whose photos are held in
 * memory instead of files.
 */
export async function checkOnePerson(
  input: { readonly collectionId: string; readonly name: PersonName; readonly photos: readonly CheckedPhoto[]; readonly mode: CheckMode; readonly signal?: AbortSignal },
  finder: DuplicateFinderDeps,
): Promise<{ readonly summary: DuplicateCheckSummary; readonly candidates: readonly DuplicateCandidate[] }> {
  const photos: PhotoReport[] = input.photos.map((p, i) => ({ path: photoLabel(i), fileName: photoLabel(i), status: 'accepted', sha256: p.sha256, tags: [] }));
  const report: ScanReport = {
    root: '',
    layout: 'folders',
    persons: [{ key: 'person', name: input.name, photos }],
    refused: [],
    problems: [],
    counts: { persons: 1, photosAccepted: photos.length, photosRefused: 0, duplicates: 0, flagged: 0 },
    cancelled: false,
  };
  const byLabel = new Map(input.photos.map((p, i) => [photoLabel(i), p]));
  const checked = await findDuplicates(
    report,
    { collectionId: input.collectionId, mode: input.mode, load: (photo) => Promise.resolve(byLabel.get(photo.path) ?? null), ...(input.signal ? { signal: input.signal } : {}) },
    finder,
  );
  const summary = checked.duplicateCheck ?? { state: 'off', checked: 0, failed: 0, cleanupPending: 0, message: null };
  return { summary, candidates: checked.persons[0]?.possibleDuplicates ?? [] };
}

/** Person checks by id, bounded (oldest out), like the webcam's captures. */
export class PersonChecks {
  readonly #held = new Map<string, HeldPersonCheck>();

  constructor(private readonly capacity = 16) {}

  /** A new check of these photos replaces older ones (a person deleted since is no longer flagged). */
  put(check: HeldPersonCheck): string {
    for (const [id, held] of this.#held) {
      if (held.collectionId === check.collectionId && held.hashes.some((h) => check.hashes.includes(h))) this.#held.delete(id);
    }
    const id = randomUUID();
    this.#held.set(id, check);
    while (this.#held.size > this.capacity) {
      const oldest = this.#held.keys().next().value;
      if (oldest === undefined) break;
      this.#held.delete(oldest);
    }
    return id;
  }

  get(checkId: string): HeldPersonCheck | null {
    return this.#held.get(checkId) ?? null;
  }

  /** A held check that flagged someone for any of these photos: enrolling them needs a choice. */
  flagging(collectionId: string, hashes: readonly string[]): HeldPersonCheck | null {
    for (const check of this.#held.values()) {
      if (check.collectionId === collectionId && check.candidates.length > 0 && check.hashes.some((h) => hashes.includes(h))) return check;
    }
    return null;
  }

  delete(checkId: string): void {
    this.#held.delete(checkId);
  }
}
