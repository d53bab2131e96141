import type { EnrollmentQueue, QueuePhotoInput } from '../../queue/index.js';
import { FILES_PER_REQUEST, uploadNameOf, type Enrollment, type EnrollmentPhoto, type EnrollmentSink, type SubmitResult } from './enrollment-sink.js';

const toQueued = (p: EnrollmentPhoto): QueuePhotoInput => ({ jpeg: p.jpeg, sha256: p.sha256, tags: p.tags, fileName: uploadNameOf(p.sha256) });

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

  async submit(enrollment: Enrollment): Promise<SubmitResult> {
    const photos = enrollment.photos.map(toQueued);
    const batches: QueuePhotoInput[][] = [];
    for (let i = 0; i < photos.length; i += FILES_PER_REQUEST) batches.push(photos.slice(i, i + FILES_PER_REQUEST));
    const { collectionId } = enrollment;
    if (enrollment.targetPersonId !== undefined) {
      let first: string | null = null;
      for (const batch of batches) first ??= (await this.queue.enqueueAddPhotos({ collectionId, targetPersonId: enrollment.targetPersonId }, batch)).itemId;
      this.afterQueued();
      return { status: 'queued', itemId: first ?? '' };
    }
    const [head = [], ...rest] = batches;
    const created = await this.queue.enqueueCreatePerson({ collectionId, metaData: enrollment.metaData, enrollmentId: enrollment.enrollmentId }, head);
    for (const batch of rest) await this.queue.enqueueAddPhotos({ collectionId, dependsOnEnrollmentId: enrollment.enrollmentId }, batch);
    this.afterQueued();
    return { status: 'queued', itemId: created.itemId };
  }
}
