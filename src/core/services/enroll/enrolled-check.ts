import { assertNever } from '../../../shared/result.js';
import { AppFailure } from '../../errors/app-failure.js';
import { OzApiError, OzTimeoutError, type OzClient } from '../../oz/index.js';
import { retryTransient } from '../../queue/retry-transient.js';
import type { EnrolledPhotos } from './enrolled-photos.js';
import { hashOfUploadName } from './enrollment-sink.js';

/** What the server says about a photo the desk recorded as enrolled. */
export type EnrolledVerdict = 'present' | 'gone' | 'unknown';

/** Photo hashes of a person as the server lists them; null when the person is gone; undefined when the server could not say. */
type PersonPhotos = ReadonlySet<string> | null | undefined;

export interface EnrolledCheckDeps {
  readonly client: () => OzClient;
  readonly enrolled: EnrolledPhotos;
  readonly collectionId: string;
  /** How long each listing retries transient errors. */
  readonly retryBudgetMs: number;
  /** False while main knows the server is unreachable: the server is not asked, the record stands. */
  readonly reachable?: () => boolean;
  /** At most this long for each answer (a link that swallows packets answers never); without one, the record stands. */
  readonly answerWithinMs?: number;
}

/**
 * Confirms the desk's "already enrolled" with the server before anything is refused: the
 * person and the photo must still exist (they may have been deleted in the Oz console, by
 * another desk, or through raw API calls). A stale record is forgotten; when the server
 * cannot say, the record stands, so nothing is ever enrolled twice. One listing per person.
 */
export class EnrolledCheck {
  readonly #byPerson = new Map<string, Promise<PersonPhotos>>();

  constructor(private readonly deps: EnrolledCheckDeps) {}

  /** Whether the desk's record (confirmed with the server) says this photo is enrolled. */
  async isEnrolled(sha256: string): Promise<boolean> {
    const recorded = this.deps.enrolled.find(this.deps.collectionId, sha256);
    if (recorded === null) return false;
    if ((await this.verdict(recorded.personId, sha256)) !== 'gone') return true;
    this.deps.enrolled.forget(this.deps.collectionId, sha256);
    return false;
  }

  /** The webcam/form path: refuses a photo still enrolled, saying what is true and what to do. */
  async assertNotEnrolled(sha256: string, photoNumber: number): Promise<void> {
    const recorded = this.deps.enrolled.find(this.deps.collectionId, sha256);
    if (recorded === null) return;
    const verdict = await this.verdict(recorded.personId, sha256);
    const { personId } = recorded;
    switch (verdict) {
      case 'gone':
        this.deps.enrolled.forget(this.deps.collectionId, sha256);
        return;
      case 'present':
        throw new AppFailure(
          'CONFLICT',
          `Photo ${photoNumber} is already enrolled in this collection: the server still holds it for person ${personId}. Open that person to manage their photos, or delete the person to enroll them again.`,
          { reason: 'already_enrolled', personId },
        );
      case 'unknown':
        throw new AppFailure(
          'CONFLICT',
          `Photo ${photoNumber} was enrolled from this desk (person ${personId}), and the server could not be reached to check that it still holds it. Try again once the desk is online.`,
          { reason: 'already_enrolled_unconfirmed', personId },
        );
      default:
        assertNever(verdict);
    }
  }

  async verdict(personId: string, sha256: string): Promise<EnrolledVerdict> {
    let photos = this.#byPerson.get(personId);
    if (photos === undefined) {
      photos = this.#load(personId);
      this.#byPerson.set(personId, photos);
    }
    const known = await photos;
    if (known === undefined) return 'unknown';
    if (known === null) return 'gone';
    // A server that keeps no file names cannot tell: trust the record rather than enroll twice.
    if (known.size === 0) return 'present';
    return known.has(sha256) ? 'present' : 'gone';
  }

  async #load(personId: string): Promise<PersonPhotos> {
    if (this.deps.reachable?.() === false) return undefined;
    const { collectionId, answerWithinMs } = this.deps;
    const list = async () => {
      try {
        return await this.deps.client().listPersonImages(collectionId, personId, answerWithinMs === undefined ? undefined : { timeoutMs: answerWithinMs });
      } catch (err) {
        // No answer within the deadline: the link swallows packets. Not retried (it would wait again); a server that answers with 5xx or 429 is.
        if (answerWithinMs !== undefined && err instanceof OzTimeoutError) throw new Error('no answer from the server in time', { cause: err });
        throw err;
      }
    };
    try {
      const images = await retryTransient(list, { budgetMs: this.deps.retryBudgetMs });
      // A person with no photo left holds none of ours.
      if (images.length === 0) return null;
      return new Set(images.map((i) => hashOfUploadName(i.originalName)).filter((h): h is string => h !== null));
    } catch (err) {
      if (err instanceof OzApiError && err.isNotFound) return null;
      return undefined;
    }
  }
}
