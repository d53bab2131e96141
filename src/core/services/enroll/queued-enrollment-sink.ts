import type { EnrollmentQueue, PhotoStaging, QueuePhotoInput, StagedEnrollmentInput } from '../../queue/index.js';
import {
  FILES_PER_REQUEST,
  uploadNameOf,
  type Enrollment,
  type EnrollmentPhoto,
  type EnrollmentSink,
  type StagedEnrollment,
  type StagedSubmitResult,
  type SubmitResult,
} from './enrollment-sink.js';

const toQueued = (p: EnrollmentPhoto): QueuePhotoInput => ({ jpeg: p.jpeg, sha256: p.sha256, tags: p.tags, fileName: uploadNameOf(p.sha256) });

function toStagedInput(e: StagedEnrollment): StagedEnrollmentInput {
  const photos = e.photos.map((p) => ({ ...p, fileName: uploadNameOf(p.sha256) }));
  const { collectionId } = e;
  return e.targetPersonId === undefined
    ? { collectionId, enrollmentId: e.enrollmentId, metaData: e.metaData, photos }
    : { collectionId, targetPersonId: e.targetPersonId, photos };
}

/**
 * Persists the enrollment in the offline queue (encrypted) and answers at once; the sync
 * worker sends it. Over 10 photos: the person item takes 10, add-photo items depending on
 * its enrollment id take the rest. Photos are recorded as enrolled only when the queue
 * confirms them, so the desk record stays truthful.
 */
export class QueuedEnrollmentSink implements EnrollmentSink {
  constructor(
    private readonly queue: EnrollmentQueue,
    /** Called once the enrollment is safely queued, e.g. to wake the sync worker. */
    private readonly afterQueued: () => void = () => undefined,
  ) {}

  get staging(): PhotoStaging {
    return this.queue.staging;
  }

  /** The same items as `submit` per person, for the whole batch in one transaction, from the staged photos. */
  async submitStaged(batch: readonly StagedEnrollment[]): Promise<readonly StagedSubmitResult[]> {
    const results = await this.queue.enqueueStaged(batch.map(toStagedInput));
    if (results.some((r) => r.created)) this.afterQueued();
    return results.map((r) => ({
      submitted: r.itemIds.length === 0 ? null : { status: 'queued', itemId: r.itemIds[0] ?? '', itemIds: r.itemIds },
      missing: r.missing,
    }));
  }

  async submit(enrollment: Enrollment): Promise<SubmitResult> {
    const photos = enrollment.photos.map(toQueued);
    const batches: QueuePhotoInput[][] = [];
    for (let i = 0; i < photos.length; i += FILES_PER_REQUEST) batches.push(photos.slice(i, i + FILES_PER_REQUEST));
    const { collectionId } = enrollment;
    const itemIds: string[] = [];
    if (enrollment.targetPersonId !== undefined) {
      for (const batch of batches) itemIds.push((await this.queue.enqueueAddPhotos({ collectionId, targetPersonId: enrollment.targetPersonId }, batch)).itemId);
    } else {
      const [head = [], ...rest] = batches;
      itemIds.push((await this.queue.enqueueCreatePerson({ collectionId, metaData: enrollment.metaData, enrollmentId: enrollment.enrollmentId }, head)).itemId);
      for (const batch of rest) itemIds.push((await this.queue.enqueueAddPhotos({ collectionId, dependsOnEnrollmentId: enrollment.enrollmentId }, batch)).itemId);
    }
    this.afterQueued();
    return { status: 'queued', itemId: itemIds[0] ?? '', itemIds };
  }
}
